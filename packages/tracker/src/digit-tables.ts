/**
 * `'000'` to `'999'`: milliseconds, and three digits of a longer number.
 * @internal
 */
export const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * `'00'` to `'99'`: hours, minutes and seconds, and two digits of a longer number.
 * @internal
 */
export const TWO_DIGITS: readonly string[] = THREE_DIGITS.slice(0, 100).map((text) => text.slice(1));

/**
 * The decimal text of an integer from 10,000,000 to 99,999,999 (a `[CACHEBUSTING]` value), the
 * same as `String(n)`, built from the tables. `String(n)` would file each new number's text in
 * V8's number-to-string cache, which keeps it until another number takes its slot: with a new
 * random number on every beacon, the young-generation GC then copies a cache's worth of short
 * strings each time it runs.
 *
 * @param n - an integer from 10,000,000 to 99,999,999
 * @returns its eight digits
 * @internal
 */
export function eightDigitText(n: number): string {
  const thousands = Math.floor(n / 1000);
  const millions = Math.floor(thousands / 1000);
  return (TWO_DIGITS[millions] as string) + (THREE_DIGITS[thousands - millions * 1000] as string) + (THREE_DIGITS[n - thousands * 1000] as string);
}
