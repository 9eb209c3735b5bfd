import { TimeProviderError } from './time-provider-error.js';

/**
 * Checks a sleep duration the same way for every provider.
 *
 * @param ms - the requested duration
 * @returns a {@link TimeProviderError} (`TIME_INVALID_ARGUMENT`) to reject with, or `undefined` when `ms` is usable
 * @internal
 */
export function invalidSleepDuration(ms: number): TimeProviderError | undefined {
  if (typeof ms !== 'number' || Number.isNaN(ms)) {
    return new TimeProviderError('TIME_INVALID_ARGUMENT', `sleep(ms): ms must be a number, got ${String(ms)}`);
  }
  if (ms < 0) return new TimeProviderError('TIME_INVALID_ARGUMENT', `sleep(ms): ms must not be negative, got ${ms}`);
  if (!Number.isFinite(ms)) return new TimeProviderError('TIME_INVALID_ARGUMENT', 'sleep(ms): ms must be finite, got Infinity');
  return undefined;
}

/**
 * The value an aborted sleep rejects with: the signal's reason, or an `AbortError` when the
 * signal carries none.
 *
 * @param signal - the aborted signal
 * @returns the rejection value
 * @internal
 */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
