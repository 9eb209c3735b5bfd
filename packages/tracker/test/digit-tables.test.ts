import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THREE_DIGITS, TWO_DIGITS, eightDigitText } from '../src/digit-tables.js';

describe('digit tables', () => {
  it('hold every two- and three-digit text, zero-padded, in order', () => {
    expect(TWO_DIGITS).toHaveLength(100);
    expect(THREE_DIGITS).toHaveLength(1000);
    TWO_DIGITS.forEach((text, i) => expect(text).toBe(String(i).padStart(2, '0')));
    THREE_DIGITS.forEach((text, i) => expect(text).toBe(String(i).padStart(3, '0')));
  });

  it('eightDigitText gives what String gives, at the ends of the range and between (property)', () => {
    for (const n of [10_000_000, 10_000_999, 10_999_000, 19_999_999, 90_000_000, 99_999_999]) expect(eightDigitText(n)).toBe(String(n));
    fc.assert(
      fc.property(fc.integer({ min: 10_000_000, max: 99_999_999 }), (n) => eightDigitText(n) === String(n)),
      { numRuns: 2000 },
    );
  });
});
