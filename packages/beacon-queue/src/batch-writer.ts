import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { BEACON_BATCH_JOB, type BeaconBatchData, type QueuedBeaconEntry } from './beacon-job.js';
import type { KeyClaims } from './key-claims.js';
import { TickBatches, type PendingItem } from './tick-batches.js';

/**
 * Puts the beacons enqueued in one tick (a tracker firing several beacons, the shared scheduler
 * firing many sessions' beacons) into batch jobs of at most `maxBatch`: per batch, one script
 * claims the keys and one job holds the beacons whose keys it got. Each beacon's promise
 * resolves once Redis stored its batch (or once another batch was found holding its key).
 *
 * @internal
 */
export class BatchWriter {
  readonly #queue: Queue<BeaconBatchData>;
  readonly #claims: KeyClaims;
  readonly #batches: TickBatches<QueuedBeaconEntry>;

  /**
   * @param queue - the BullMQ queue
   * @param claims - the idempotency keys' claims
   * @param maxBatch - the most beacons in one job
   */
  constructor(queue: Queue<BeaconBatchData>, claims: KeyClaims, maxBatch: number) {
    this.#queue = queue;
    this.#claims = claims;
    this.#batches = new TickBatches(maxBatch, queueMicrotask, (batch) => this.#write(batch));
  }

  /**
   * Queues one beacon with the others of this tick.
   * @param entry - the beacon and its key
   * @returns when Redis holds it in a job (this one's or an earlier one of the same key)
   */
  add(entry: QueuedBeaconEntry): Promise<void> {
    return this.#batches.add(entry);
  }

  async #write(batch: readonly PendingItem<QueuedBeaconEntry>[]): Promise<void> {
    const batchId = `b-${randomUUID()}`;
    const entries = batch.map(({ item }) => item);
    let held: boolean[];
    try {
      held = await this.#claims.claim(batchId, entries);
    } catch (error) {
      for (const { reject } of batch) reject(error);
      return;
    }
    const mine = entries.filter((_, i) => held[i] === true);
    if (mine.length > 0) {
      try {
        await this.#queue.add(BEACON_BATCH_JOB, { entries: mine }, { jobId: batchId });
      } catch (error) {
        // Not stored: give the keys back before the callers hear of it, so that a retry can queue
        // them (if Redis refuses that too, the claims become orphans, taken over after the grace).
        await this.#claims.release(batchId, mine).catch(() => undefined);
        // The beacons whose keys another batch holds are queued all the same.
        batch.forEach(({ resolve, reject }, i) => (held[i] === true ? reject(error) : resolve()));
        return;
      }
    }
    for (const { resolve } of batch) resolve();
  }
}
