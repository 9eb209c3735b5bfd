import { TimeProviderError } from './time-provider-error.js';

/**
 * A seeded source of pseudo-random numbers: the same seed always gives the same sequence, so a
 * simulated session that draws from it is reproducible byte for byte.
 */
export interface SeededRandom {
  /** The seed this source started from. */
  readonly seed: number;
  /**
   * The next number of the sequence.
   *
   * @returns a number in `[0, 1)`
   */
  next(): number;
  /**
   * The next integer of the sequence in a range.
   *
   * @param min - the smallest possible value (an integer)
   * @param max - the largest possible value (an integer, at least `min`)
   * @returns an integer in `[min, max]`
   * @throws a `TimeProviderError` `TIME_INVALID_ARGUMENT` when the bounds are not integers or `max < min`
   */
  int(min: number, max: number): number;
}

/**
 * Makes a {@link SeededRandom} with the mulberry32 generator (32 bits of state; fast, well
 * distributed, not for cryptography).
 *
 * @param seed - any integer; only its low 32 bits are used
 * @returns a new source; two sources with the same seed give the same sequence
 * @throws `TimeProviderError` `TIME_INVALID_ARGUMENT` when `seed` is not an integer
 *
 * @example
 * ```ts
 * const random = createSeededRandom(42);
 * const interrupted = random.next() < 0.1;
 * const delayMs = random.int(100, 500);
 * ```
 */
export function createSeededRandom(seed: number): SeededRandom {
  if (!Number.isSafeInteger(seed)) throw new TimeProviderError('TIME_INVALID_ARGUMENT', `createSeededRandom: seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    int(min: number, max: number): number {
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
        throw new TimeProviderError('TIME_INVALID_ARGUMENT', `int(min, max): expected integers with min <= max, got ${min}, ${max}`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
  };
}
