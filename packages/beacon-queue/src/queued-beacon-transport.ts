import { checkBeaconUrl, type Beacon, type BeaconOutcome, type BeaconTransport } from '@vast/tracker';
import type { BeaconQueue } from './beacon-queue.js';

/** Options of {@link QueuedBeaconTransport}. */
export interface QueuedBeaconTransportOptions {
  /** The queue the beacons go to. */
  readonly queue: BeaconQueue;
  /** The playback session; part of each beacon's idempotency key. */
  readonly sessionId: string;
}

/**
 * A {@link BeaconTransport} that stores each beacon durably in Redis instead of sending it: `send`
 * resolves with `queued` (and the idempotency key) once Redis has accepted it, and a
 * {@link BeaconWorker} delivers it later, in any process. Same key, same beacon: enqueuing it
 * again (a second instance replaying the session) adds nothing. Usually made by
 * {@link BeaconQueue.transport}.
 *
 * @example
 * ```ts
 * const transport = queue.transport('session-42');
 * const outcome = await transport.send(beacon); // { kind: 'queued', key: 'session-42|0|impression|...' }
 * await transport.close();
 * ```
 */
export class QueuedBeaconTransport implements BeaconTransport {
  readonly #queue: BeaconQueue;
  readonly #sessionId: string;
  readonly #pending = new Set<Promise<BeaconOutcome>>();
  #closed = false;

  /**
   * @param options - the queue and the session
   */
  constructor(options: QueuedBeaconTransportOptions) {
    this.#queue = options.queue;
    this.#sessionId = options.sessionId;
  }

  /** The session this transport queues for. */
  get sessionId(): string {
    return this.#sessionId;
  }

  /**
   * Queues one beacon.
   * @param beacon - the beacon
   * @param signal - when already aborted, the beacon is not queued (`failed` with `aborted`);
   *   once handed to Redis it cannot be taken back
   * @returns `queued` once Redis accepted it; `dropped` for a URL that cannot be called or after
   *   `close()`; `failed` when Redis did not accept it in time (see {@link BeaconQueue.enqueue})
   */
  send(beacon: Beacon, signal?: AbortSignal): Promise<BeaconOutcome> {
    if (this.#closed) {
      return Promise.resolve({ kind: 'dropped', beacon, reason: 'transport-closed', message: 'the transport is closed' });
    }
    const dropped = checkBeaconUrl(beacon);
    if (dropped !== undefined) return Promise.resolve(dropped);
    if (signal?.aborted === true) {
      return Promise.resolve({ kind: 'failed', beacon, reason: 'aborted', message: 'aborted by the caller before it was queued', attempts: 0 });
    }
    const run = this.#queue.enqueue(this.#sessionId, beacon);
    this.#pending.add(run);
    void run.finally(() => this.#pending.delete(run));
    return run;
  }

  /**
   * Waits until every beacon handed over so far is accepted by Redis (or refused).
   * @returns when no enqueue is pending
   */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  /**
   * Stops taking beacons (later ones are dropped with `transport-closed`) and waits for the
   * pending enqueues. The queue's connections stay open: close the {@link BeaconQueue} itself.
   * @returns when every beacon handed over has its `queued` (or `failed`) outcome
   */
  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
  }
}
