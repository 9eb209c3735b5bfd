import { randomFillSync } from 'node:crypto';

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
 * Numbers come from a pool of 256 words that the source refills from the CSPRNG when it runs
 * out: one system call per 256 numbers instead of one each.
 *
 * @returns a {@link RandomSource}
 */
export function createSystemRandom(): RandomSource {
  const pool = new Uint32Array(256);
  let next = pool.length;
  return {
    next: () => {
      if (next === pool.length) {
        randomFillSync(pool);
        next = 0;
      }
      return (pool[next++] as number) / 4294967296;
    },
  };
}
