import { abortReason, invalidSleepDuration } from './sleep-arguments.js';
import type { TimeProvider } from './time-provider.js';

/** The longest delay `setTimeout` accepts; longer sleeps are chained. */
const MAX_TIMER_DELAY = 2 ** 31 - 1;

/**
 * The wall clock: `Date.now()`, `performance.now()` and `setTimeout`, looked up when called so
 * that test spies on the globals still see them. An aborted sleep clears its timer at once, so a
 * cancelled wait never keeps the process alive.
 *
 * @example
 * ```ts
 * const time = new RealtimeTimeProvider();
 * const controller = new AbortController();
 * const wait = time.sleep(5_000, controller.signal);
 * controller.abort(); // the timer is cleared; `wait` rejects with an AbortError
 * await wait.catch(() => undefined);
 * ```
 */
export class RealtimeTimeProvider implements TimeProvider {
  /** Always `'realtime'`. */
  readonly kind = 'realtime' as const;

  /**
   * The wall-clock time.
   *
   * @returns milliseconds since the Unix epoch
   */
  now(): number {
    return Date.now();
  }

  /**
   * A monotonic reading for durations.
   *
   * @returns milliseconds since the process started; never decreases
   */
  monotonic(): number {
    return performance.now();
  }

  /**
   * Waits `ms` milliseconds of wall-clock time.
   *
   * @param ms - how long to wait (longer than `setTimeout`'s limit of about 24.8 days is chained)
   * @param signal - aborts the wait: the timer is cleared and the promise rejects with the reason
   * @returns a promise that resolves after `ms`
   * @throws `TimeProviderError` `TIME_INVALID_ARGUMENT` (as a rejection) when `ms` is negative, NaN or infinite
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const invalid = invalidSleepDuration(ms);
    if (invalid) return Promise.reject(invalid);
    // The contract is to reject with the signal's reason, whatever the caller aborted with.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      let remaining = ms;
      let handle: ReturnType<typeof setTimeout> | undefined;
      const onAbort = (): void => {
        clearTimeout(handle);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the signal's reason, as documented
        reject(abortReason(signal as AbortSignal));
      };
      const arm = (): void => {
        const step = Math.min(remaining, MAX_TIMER_DELAY);
        remaining -= step;
        handle = setTimeout(() => {
          if (remaining > 0) {
            arm();
            return;
          }
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, step);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      arm();
    });
  }
}
