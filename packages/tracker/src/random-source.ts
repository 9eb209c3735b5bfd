import { randomBytes } from 'node:crypto';

/**
 * A source of numbers in `[0, 1)`, injected so that sessions are reproducible. A `SeededRandom`
 * from `createSeededRandom(seed)` of `@vast/time` fits.
 */
export interface RandomSource {
  /**
   * The next number.
   * @returns a number in `[0, 1)`
   */
  next(): number;
}

/**
 * A non-reproducible source backed by the operating system's CSPRNG: the default for live
 * traffic, where cache-busting values must differ between processes. Simulated sessions pass a
 * seeded source instead.
 *
 * @returns a {@link RandomSource}
 */
export function createSystemRandom(): RandomSource {
  return { next: () => randomBytes(4).readUInt32BE(0) / 4294967296 };
}
