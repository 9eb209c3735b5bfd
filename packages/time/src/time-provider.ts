/**
 * Which kind of clock a {@link TimeProvider} is: the wall clock, or a virtual clock that only
 * moves when told to (or, in auto-advance mode, jumps straight to the next wake-up).
 */
export type TimeProviderKind = 'realtime' | 'simulated';

/**
 * The clock every `@vast` package takes instead of calling `Date.now()`, `setTimeout` or
 * `performance.now()` itself, so that the same code runs on the wall clock or on a simulated one.
 *
 * @example
 * ```ts
 * async function waitForQuartile(time: TimeProvider, seconds: number, signal?: AbortSignal) {
 *   await time.sleep(seconds * 1000, signal);
 *   return time.now();
 * }
 * ```
 */
export interface TimeProvider {
  /** Which kind of clock this is. */
  readonly kind: TimeProviderKind;
  /** The current time in milliseconds since the Unix epoch. */
  now(): number;
  /** Milliseconds from an arbitrary origin; never decreases, so it is right for durations. */
  monotonic(): number;
  /**
   * Resolves after `ms` milliseconds of this clock's time.
   *
   * @param ms - how long to wait; `0` waits for the next turn of this clock
   * @param signal - aborts the wait: the promise rejects with the signal's reason (an `AbortError`
   *   `DOMException` by default) and the timer is released
   * @throws a `TimeProviderError` `TIME_INVALID_ARGUMENT` when `ms` is negative or not a number
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
