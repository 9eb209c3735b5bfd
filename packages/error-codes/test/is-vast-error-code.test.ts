import { describe, expect, it } from 'vitest';
import { VastErrorCode, isVastErrorCode } from '../src/index.js';

describe('isVastErrorCode', () => {
  it('accepts the integers from 100 to 902, the range of the IAB tables', () => {
    for (const code of [100, 101, 404, 900, 902]) expect(isVastErrorCode(code), String(code)).toBe(true);
  });

  it('refuses 99, 903, non-integers and non-numbers', () => {
    for (const value of [99, 903, 999, 0, -100, 100.5, 301.1, Number.NaN, Number.POSITIVE_INFINITY, '302', 302n, null, undefined]) {
      expect(isVastErrorCode(value), String(value)).toBe(false);
    }
  });

  it('accepts every named code', () => {
    for (const code of Object.values(VastErrorCode)) expect(isVastErrorCode(code)).toBe(true);
  });
});
