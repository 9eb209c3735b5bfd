import type { BeaconOutcome } from '@vast/tracker';

/** When and how often the worker retries a beacon. */
export interface RetryPolicy {
  /** Delivery attempts in all, the first included. @defaultValue 10 */
  readonly attempts?: number;
  /** Delay before the first retry; it doubles on each further retry. @defaultValue 1000 */
  readonly initialDelayMs?: number;
  /** Longest delay between two attempts. @defaultValue 600_000 (10 minutes) */
  readonly maxDelayMs?: number;
  /**
   * How long after it was queued a beacon may still be sent. A job found older than that is
   * dropped with `expired`; a retry is never scheduled past it (the beacon then fails with its
   * last reason). Ad servers discard late impressions anyway.
   * @defaultValue 3_600_000 (1 hour)
   */
  readonly retryWindowMs?: number;
  /**
   * Retry a beacon whose request timed out. Off by default: the server may have counted it, and
   * a second request would be a second count.
   * @defaultValue false
   */
  readonly retryOnTimeout?: boolean;
}

/** Network errors that would happen again (the transport's own list). */
const FINAL_NETWORK = /^(SSRF_BLOCKED|UND_ERR_INVALID_ARG|UND_ERR_NOT_SUPPORTED)\b/;

/**
 * Whether a failed delivery may be tried again: network errors and 5xx, timeouts when allowed;
 * never a 4xx.
 * @internal
 */
export function isRetryable(outcome: BeaconOutcome, retryOnTimeout: boolean): boolean {
  if (outcome.kind !== 'failed') return false;
  switch (outcome.reason) {
    case 'network':
      return !FINAL_NETWORK.test(outcome.message);
    case 'http-status':
      return outcome.status !== undefined && outcome.status >= 500;
    case 'timeout':
      return retryOnTimeout;
    case 'aborted':
      return true;
  }
}

/**
 * The delay before attempt `attemptsMade + 1`: exponential from `initialDelayMs`, capped at
 * `maxDelayMs`, with "equal jitter" (half fixed, half random) so that the retries of many
 * beacons that failed together spread out.
 * @internal
 */
export function retryDelay(attemptsMade: number, initialDelayMs: number, maxDelayMs: number, random: () => number): number {
  const base = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(base / 2 + (random() * base) / 2);
}
