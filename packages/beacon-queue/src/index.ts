/**
 * @packageDocumentation
 * Durable VAST beacons on BullMQ: a queueing `BeaconTransport` and a worker that delivers with
 * retries, rate limits and idempotency keys.
 */
export { BeaconQueue } from './beacon-queue.js';
export type { BeaconQueueOptions } from './beacon-queue.js';
export { QueuedBeaconTransport } from './queued-beacon-transport.js';
export type { QueuedBeaconTransportOptions } from './queued-beacon-transport.js';
export { BeaconWorker } from './beacon-worker.js';
export type { BeaconJobErrorListener, BeaconWorkerOptions, QueuedBeaconOutcomeListener } from './beacon-worker.js';
export type { QueuedBeaconOutcome } from './beacon-job.js';
export type { OutcomeStreamEvent, WatchOutcomesOptions } from './outcome-stream.js';
export { beaconKey } from './beacon-key.js';
export { BeaconQueueError, isBeaconQueueError } from './beacon-queue-error.js';
export type { BeaconQueueErrorCode } from './beacon-queue-error.js';
export type { PerHostRateLimit } from './per-host-rate-limit.js';
export type { RetryPolicy } from './retry-policy.js';
export type { QueueLocation, RedisConnection } from './redis-connection.js';
