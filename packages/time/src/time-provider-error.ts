/**
 * The stable codes of the errors `@vast/time` throws:
 * - `TIME_LOOP_LIMIT`: a simulated clock ran more timers than its `loopLimit` ({@link TimerLoopLimitError});
 * - `TIME_BACKWARDS`: a simulated clock was asked to go back ({@link ClockBackwardsError});
 * - `TIME_INVALID_ARGUMENT`: a caller bug, named in the message: a `sleep(ms)` duration that is
 *   negative, NaN or infinite, a `SimulatedTimeProvider` option out of range, a seed or bounds of
 *   `createSeededRandom` that are not integers, an unknown `createTimeProvider` mode;
 * - `TIME_INVALID_ENVIRONMENT`: `VAST_PLAYBACK_MODE` holds a value the environment detection does
 *   not know.
 */
export type TimeProviderErrorCode = 'TIME_LOOP_LIMIT' | 'TIME_BACKWARDS' | 'TIME_INVALID_ARGUMENT' | 'TIME_INVALID_ENVIRONMENT';

const BRAND = Symbol.for('@vast/time.TimeProviderError');

/**
 * The base of the errors `@vast/time` throws; match on {@link TimeProviderError.code}, or test an
 * unknown value with {@link isTimeProviderError}.
 *
 * @example
 * ```ts
 * try {
 *   createSeededRandom(Number(process.env['SEED']));
 * } catch (error) {
 *   if (isTimeProviderError(error) && error.code === 'TIME_INVALID_ARGUMENT') console.error(error.message);
 * }
 * ```
 */
export class TimeProviderError extends Error {
  /** A stable code that does not change between releases. */
  readonly code: TimeProviderErrorCode;

  /**
   * @param code - the stable code
   * @param message - a sentence for people
   */
  constructor(code: TimeProviderErrorCode, message: string) {
    super(message);
    this.name = 'TimeProviderError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link TimeProviderError}, also when it comes from another installed copy
 * of `@vast/time` (where `instanceof` would say no).
 *
 * @param value - anything, typically a caught error
 * @returns `true` for errors thrown by `@vast/time`
 */
export function isTimeProviderError(value: unknown): value is TimeProviderError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** An epoch time as ISO text when it is a valid date, else as a number. */
function describeTime(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? String(epochMs) : date.toISOString();
}

/**
 * A simulated clock woke more sleepers in one run than its loop limit allows: almost always a
 * loop that sleeps forever (`while (true) await time.sleep(10)`). Code `TIME_LOOP_LIMIT`.
 */
export class TimerLoopLimitError extends TimeProviderError {
  /** The limit that was reached. */
  readonly limit: number;

  /**
   * @param limit - the loop limit of the clock
   * @param now - the virtual time (epoch ms) when the limit was reached
   */
  constructor(limit: number, now: number) {
    super(
      'TIME_LOOP_LIMIT',
      `Simulated clock woke ${limit} sleepers in one run without going idle (virtual time ${describeTime(now)}): ` +
        'a timer loop that never ends? Raise `loopLimit` if this run is legitimately that long.',
    );
    this.name = 'TimerLoopLimitError';
    this.limit = limit;
  }
}

/**
 * A simulated clock was asked to move backwards (`setTime` to the past, or a negative `tick`).
 * Code `TIME_BACKWARDS`.
 */
export class ClockBackwardsError extends TimeProviderError {
  /** The clock's time when the request was made (epoch ms). */
  readonly now: number;
  /** The time that was requested (epoch ms). */
  readonly requested: number;

  /**
   * @param now - the current virtual time (epoch ms)
   * @param requested - the earlier time that was asked for (epoch ms)
   */
  constructor(now: number, requested: number) {
    super('TIME_BACKWARDS', `Simulated clock never moves backwards: it is at ${now}, ${requested} was requested.`);
    this.name = 'ClockBackwardsError';
    this.now = now;
    this.requested = requested;
  }
}
