import { describe, expect, it } from 'vitest';
import { VastError, VastErrorCode, isVastError } from '../src/index.js';

describe('VastError', () => {
  it('carries the IAB code, its name, the path and the cause', () => {
    const cause = new Error('underlying');
    const error = new VastError(VastErrorCode.SCHEMA_VALIDATION_ERROR, 'Duration missing', {
      cause,
      path: 'VAST/Ad[0]/InLine',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(101);
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
      readonly code = 303;
      constructor() {
        super('no ads');
        Object.defineProperty(this, Symbol.for('@vast/VastError'), { value: true });
      }
    }
    expect(isVastError(new OtherCopyError())).toBe(true);
  });

  it('refuses anything else', () => {
    expect(isVastError(new Error('x'))).toBe(false);
    expect(isVastError({ code: 100 })).toBe(false);
    expect(isVastError({ [Symbol.for('@vast/VastError')]: true })).toBe(false);
    expect(isVastError(null)).toBe(false);
    expect(isVastError('VastError')).toBe(false);
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
