import type { Queue } from 'bullmq';
import { BEACON_JOB, type BeaconJobData } from './beacon-job.js';

interface PendingAdd {
  readonly data: BeaconJobData;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Coalesces the jobs added in one tick (a tracker firing several beacons, a burst of sessions)
 * into one `addBulk`: one pipelined round trip to Redis instead of one per beacon. Each add
 * still resolves only once Redis stored its own job.
 *
 * @internal
 */
export class AddBatcher {
  readonly #queue: Queue<BeaconJobData>;
  readonly #maxBatch: number;
  #pending: PendingAdd[] = [];

  /**
   * @param queue - the BullMQ queue
   * @param maxBatch - the most jobs in one `addBulk`
   */
  constructor(queue: Queue<BeaconJobData>, maxBatch: number) {
    this.#queue = queue;
    this.#maxBatch = maxBatch;
  }

  /**
   * Adds one job (its id is its idempotency key) with the jobs added in the same tick.
   * @param data - the job
   * @returns when Redis stored it (or already had a job of that id)
   */
  add(data: BeaconJobData): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#pending.length === 0) queueMicrotask(() => this.#flush());
      this.#pending.push({ data, resolve, reject });
    });
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = [];
    for (let start = 0; start < pending.length; start += this.#maxBatch) void this.#send(pending.slice(start, start + this.#maxBatch));
  }

  async #send(batch: PendingAdd[]): Promise<void> {
    try {
      await this.#queue.addBulk(batch.map(({ data }) => ({ name: BEACON_JOB, data, opts: { jobId: data.key } })));
      for (const { resolve } of batch) resolve();
    } catch {
      // addBulk rejects for the whole batch on its first error, though the other jobs may be
      // stored: add each again on its own (a stored job id is not added twice) so that every
      // beacon gets its own answer.
      await Promise.all(batch.map(({ data, resolve, reject }) => this.#queue.add(BEACON_JOB, data, { jobId: data.key }).then(() => resolve(), reject)));
    }
  }
}
