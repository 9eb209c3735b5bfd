/**
 * The stable codes of the errors `@vast/beacon-queue` throws:
 * - `INVALID_BEACON_QUEUE_OPTIONS`: an option of `BeaconQueue`, `BeaconWorker` or
 *   `watchOutcomes` is out of its range (`path` names it);
 * - `BEACON_OUTCOME_CORRUPT`: an outcome read from Redis is not one the workers wrote (its key
 *   was written by something else);
 * - `BEACON_QUEUE_CLOSE_TIMEOUT`: `close()` of a queue or a worker did not finish within its
 *   `closeTimeoutMs` (Redis did not answer), so its connections were dropped.
 */
export type BeaconQueueErrorCode = 'INVALID_BEACON_QUEUE_OPTIONS' | 'BEACON_OUTCOME_CORRUPT' | 'BEACON_QUEUE_CLOSE_TIMEOUT';

const BRAND = Symbol.for('@vast/beacon-queue.BeaconQueueError');

/**
 * The errors `@vast/beacon-queue` throws; match on {@link BeaconQueueError.code}. Beacons never
 * throw: each gets an outcome (`queued`, then `sent`, `failed` or `dropped`).
 */
export class BeaconQueueError extends Error {
  /** A stable code that does not change between releases. */
  readonly code: BeaconQueueErrorCode;
  /** The option at fault (`maxBatch`, `perHostRateLimit.max`, `closeTimeoutMs`...), or the Redis key read. */
  readonly path: string;

  /**
   * @param code - the stable code
   * @param path - the option or Redis key at fault
   * @param message - a sentence for people
   * @param options - the `cause`, if any
   */
  constructor(code: BeaconQueueErrorCode, path: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BeaconQueueError';
    this.code = code;
    this.path = path;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link BeaconQueueError}, also when it comes from another installed copy
 * of `@vast/beacon-queue` (where `instanceof` would say no).
 *
 * @example
 * ```ts
 * import { isBeaconQueueError } from '@vast/beacon-queue';
 *
 * try {
 *   new BeaconWorker({ connection, concurrency: 0 });
 * } catch (error) {
 *   if (isBeaconQueueError(error)) console.error(error.code, error.path);
 * }
 * ```
 */
export function isBeaconQueueError(value: unknown): value is BeaconQueueError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
