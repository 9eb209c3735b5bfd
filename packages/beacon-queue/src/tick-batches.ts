/** An item waiting for its batch, and how to settle the promise its caller holds. */
export interface PendingItem<T> {
  /** The item. */
  readonly item: T;
  /** Settles the caller's promise: the item is done. */
  readonly resolve: () => void;
  /** Settles the caller's promise: the item failed. */
  readonly reject: (error: unknown) => void;
}

/**
 * Gathers the items added until a scheduled flush (the end of this tick, or of this turn of the
 * event loop) into batches of at most `maxBatch`, each written by one call: one Redis command for
 * many beacons instead of one per beacon. The write settles each item's promise; a write that
 * throws fails those it has not settled.
 *
 * @internal
 */
export class TickBatches<T> {
  readonly #maxBatch: number;
  readonly #schedule: (flush: () => void) => void;
  readonly #write: (batch: readonly PendingItem<T>[]) => Promise<void>;
  #pending: PendingItem<T>[] = [];

  /**
   * @param maxBatch - the most items in one write
   * @param schedule - when the items added so far are flushed (e.g. `queueMicrotask`)
   * @param write - writes one batch and settles each of its items
   */
  constructor(maxBatch: number, schedule: (flush: () => void) => void, write: (batch: readonly PendingItem<T>[]) => Promise<void>) {
    this.#maxBatch = maxBatch;
    this.#schedule = schedule;
    this.#write = write;
  }

  /**
   * Adds an item to the next batch.
   * @returns when its batch's write settled it
   */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#pending.length === 0) this.#schedule(() => this.#flush());
      this.#pending.push({ item, resolve, reject });
    });
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = [];
    for (let start = 0; start < pending.length; start += this.#maxBatch) {
      const batch = pending.slice(start, start + this.#maxBatch);
      // Settling twice is a no-op, so the items the write settled keep their outcome.
      this.#write(batch).catch((error: unknown) => {
        for (const { reject } of batch) reject(error);
      });
    }
  }
}
