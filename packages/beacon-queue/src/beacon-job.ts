import type { Beacon, BeaconOutcome } from '@vast/tracker';

/**
 * One beacon inside a batch job in Redis.
 * @internal
 */
export interface QueuedBeaconEntry {
  /** The session the beacon belongs to. */
  readonly sessionId: string;
  /** The idempotency key. */
  readonly key: string;
  /** The beacon as the tracker made it. */
  readonly beacon: Beacon;
  /** When it was queued, in milliseconds since the epoch (the producer's clock): the retry window starts here. */
  readonly queuedAt: number;
  /** Delivery attempts made so far, by every worker. */
  readonly attempts: number;
  /** Not to be sent before this time (a retry's backoff or the host's rate limit); absent: at once. */
  readonly notBefore?: number;
}

/**
 * What a job of the beacon queue holds: the beacons queued together (in one tick of one
 * producer), or those of them still to deliver. One job per batch, not per beacon: BullMQ's
 * moves of a job cost Redis far more than a beacon's own work.
 * @internal
 */
export interface BeaconBatchData {
  /** The beacons still to deliver. */
  readonly entries: readonly QueuedBeaconEntry[];
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
export const BEACON_BATCH_JOB = 'beacons';

/** The BullMQ backoff type whose delays the worker computes. @internal */
export const BEACON_BACKOFF = 'vast-beacon';

/**
 * Attempts BullMQ allows a job (a job fails only when Redis did not answer the worker; each
 * beacon counts its own delivery attempts): this only has to be large.
 * @internal
 */
export const UNBOUNDED_ATTEMPTS = 1_000_000;
