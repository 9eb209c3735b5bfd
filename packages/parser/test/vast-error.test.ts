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

describe('isVastErrorCode', () => {
  it('accepts the integers from 100 to 902, the range of the IAB tables', () => {
    for (const code of [100, 101, 404, 900, 902]) expect(isVastErrorCode(code), String(code)).toBe(true);
  });

  it('refuses 99, 903, non-integers and non-numbers', () => {
    for (const value of [99, 903, 999, 0, -100, 100.5, 301.1, Number.NaN, Number.POSITIVE_INFINITY, '302', null, undefined]) {
      expect(isVastErrorCode(value), String(value)).toBe(false);
    }
  });

  it('accepts every named code', () => {
    for (const code of Object.values(VastErrorCode)) expect(isVastErrorCode(code)).toBe(true);
  });
});

describe('VastErrorCode', () => {
  it('lists the IAB codes used across the toolkit', () => {
    expect(Object.values(VastErrorCode).sort((a, b) => a - b)).toEqual([
      100, 101, 102, 200, 201, 202, 203, 300, 301, 302, 303, 400, 401, 402, 403, 405, 500, 501, 502,
      503, 600, 601, 602, 603, 604, 900, 901, 902,
    ]);
  });
});
