import { describe, expect, it } from 'vitest';
import { VastErrorCode, describeVastErrorCode } from '../src/index.js';

describe('describeVastErrorCode', () => {
  it('gives the meaning of every named code, each a different one', () => {
    const meanings = Object.values(VastErrorCode).map((code) => describeVastErrorCode(code));
    for (const [i, meaning] of meanings.entries()) {
      expect(typeof meaning, String(Object.values(VastErrorCode)[i])).toBe('string');
      expect(meaning?.length).toBeGreaterThan(5);
    }
    expect(new Set(meanings).size).toBe(meanings.length);
  });

  it('says what a few well-known codes mean', () => {
    expect(describeVastErrorCode(VastErrorCode.XML_PARSE_ERROR)).toBe('XML parsing error');
    expect(describeVastErrorCode(302)).toBe('Wrapper limit reached');
    expect(describeVastErrorCode(303)).toBe('No VAST response after one or more wrappers');
    expect(describeVastErrorCode(403)).toBe('No supported media file found');
  });

  it('has none for a code the IAB tables leave out, or for what is not a code', () => {
    for (const code of [404, 103, 899, 99, 903, 100.5, Number.NaN, -1]) {
      expect(describeVastErrorCode(code), String(code)).toBeUndefined();
    }
  });

  it('has none for strings from JavaScript callers, a numeric one included, nor for inherited properties', () => {
    for (const key of ['302', 'constructor', 'toString', '__proto__']) {
      expect(describeVastErrorCode(key as unknown as number), key).toBeUndefined();
    }
  });
});
