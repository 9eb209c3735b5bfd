import { describe, expect, it } from 'vitest';
import { VastErrorCode } from '../src/index.js';

describe('VastErrorCode', () => {
  it('lists the IAB codes used across the toolkit', () => {
    expect(Object.values(VastErrorCode).sort((a, b) => a - b)).toEqual([
      100, 101, 102, 200, 201, 202, 203, 300, 301, 302, 303, 400, 401, 402, 403, 405, 500, 501, 502,
      503, 600, 601, 602, 603, 604, 900, 901, 902,
    ]);
  });

  it('names each code once', () => {
    const codes = Object.values(VastErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(VastErrorCode.WRAPPER_LIMIT_REACHED).toBe(302);
  });
});
