import * as Registry from '@vast/error-codes';
import { describe, expect, it } from 'vitest';
import { ParserError, VastError, VastErrorCode, isParserError, isVastError, isVastErrorCode } from '../src/index.js';

describe('VastError', () => {
  it('carries the string code, the IAB code, its name, the path and the cause', () => {
    const cause = new Error('underlying');
    const error = new VastError(VastErrorCode.SCHEMA_VALIDATION_ERROR, 'Duration missing', {
      cause,
      path: 'VAST/Ad[0]/InLine',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('VAST_ERROR');
    expect(error.errorCode).toBe(101);
    expect(error.name).toBe('VastError');
    expect(error.message).toBe('Duration missing');
    expect(error.path).toBe('VAST/Ad[0]/InLine');
    expect(error.cause).toBe(cause);
  });

  it('has no cause and no path unless given', () => {
    const error = new VastError(VastErrorCode.XML_PARSE_ERROR, 'not XML');
    expect('cause' in error).toBe(false);
    expect(error.path).toBeUndefined();
  });
});

describe('isVastError', () => {
  it('recognises a VastError', () => {
    expect(isVastError(new VastError(100, 'x'))).toBe(true);
  });

  it('recognises an error branded by another copy of the package', () => {
    // What a second installed copy produces: a different class, the same global symbol brand.
    class OtherCopyError extends Error {
      readonly code = 'VAST_ERROR';
      readonly errorCode = 303;
      constructor() {
        super('no ads');
        Object.defineProperty(this, Symbol.for('@vast/parser.VastError'), { value: true });
      }
    }
    expect(isVastError(new OtherCopyError())).toBe(true);
  });

  it('refuses anything else', () => {
    expect(isVastError(new Error('x'))).toBe(false);
    expect(isVastError({ code: 'VAST_ERROR', errorCode: 100 })).toBe(false);
    expect(isVastError({ [Symbol.for('@vast/parser.VastError')]: true })).toBe(false);
    expect(isVastError(new ParserError('INVALID_PARSER_OPTIONS', 'x'))).toBe(false);
    expect(isVastError(null)).toBe(false);
    expect(isVastError('VastError')).toBe(false);
  });
});

describe('ParserError', () => {
  it('carries a stable string code and its name', () => {
    const error = new ParserError('INVALID_PARSER_OPTIONS', 'maxDepth');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('INVALID_PARSER_OPTIONS');
    expect(error.name).toBe('ParserError');
  });

  it('is recognised by brand across copies of the package, and nothing else is', () => {
    expect(isParserError(new ParserError('INVALID_PARSER_OPTIONS', 'x'))).toBe(true);
    const foreign = Object.assign(new Error('x'), { code: 'INVALID_PARSER_OPTIONS', [Symbol.for('@vast/parser.ParserError')]: true });
    expect(isParserError(foreign)).toBe(true);
    expect(isParserError(Object.assign(new RangeError('x'), { code: 'INVALID_PARSER_OPTIONS' }))).toBe(false);
    expect(isParserError(new VastError(100, 'x'))).toBe(false);
    expect(isParserError(null)).toBe(false);
  });
});

describe('VastErrorCode and isVastErrorCode', () => {
  it('are the objects of @vast/error-codes, re-exported, so parser users and the registry agree', () => {
    expect(VastErrorCode).toBe(Registry.VastErrorCode);
    expect(isVastErrorCode).toBe(Registry.isVastErrorCode);
    expect(VastErrorCode.SCHEMA_VALIDATION_ERROR).toBe(101);
  });
});
