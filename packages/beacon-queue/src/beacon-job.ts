import type { Beacon, BeaconOutcome } from '@vast/tracker';

/**
 * What a queued beacon's job holds in Redis.
 * @internal
 */
export interface BeaconJobData {
  /** The session the beacon belongs to. */
  readonly sessionId: string;
  /** The idempotency key (also the job id). */
  readonly key: string;
  /** The beacon as the tracker made it. */
  readonly beacon: Beacon;
}

/** The final outcome of a queued beacon, as kept in Redis and reported by the worker. */
export interface QueuedBeaconOutcome {
  /** The session the beacon belongs to. */
  readonly sessionId: string;
  /** Its idempotency key. */
  readonly key: string;
  /**
   * What happened: `sent`, `failed` (4xx, or the last retryable failure once attempts or the
   * retry window ran out) or `dropped` (`expired`, or a URL that cannot be called). `attempts`
   * counts every delivery attempt of every worker.
   */
  readonly outcome: BeaconOutcome;
  /** When it was known, in milliseconds since the epoch (the worker's clock). */
  readonly at: number;
}

/** The name of every job of the beacon queue. @internal */
export const BEACON_JOB = 'beacon';

/** The BullMQ backoff type whose delays the worker computes. @internal */
export const BEACON_BACKOFF = 'vast-beacon';

/** Attempts BullMQ allows: the worker decides when to stop, so this only has to be large. @internal */
export const UNBOUNDED_ATTEMPTS = 1_000_000;
