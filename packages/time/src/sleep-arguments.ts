/**
 * Checks a sleep duration the same way for every provider.
 *
 * @param ms - the requested duration
 * @returns a `RangeError` to reject with, or `undefined` when `ms` is usable
 * @internal
 */
export function invalidSleepDuration(ms: number): RangeError | undefined {
  if (typeof ms !== 'number' || Number.isNaN(ms)) {
    return new RangeError(`sleep(ms): ms must be a number, got ${String(ms)}`);
  }
  if (ms < 0) return new RangeError(`sleep(ms): ms must not be negative, got ${ms}`);
  if (!Number.isFinite(ms)) return new RangeError('sleep(ms): ms must be finite, got Infinity');
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
