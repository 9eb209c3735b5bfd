import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { RealtimeTimeProvider, type TimeProvider } from '@vast/time';
import type { Beacon, BeaconOutcome } from '@vast/tracker';
import { BatchWriter } from './batch-writer.js';
import { BeaconQueueError } from './beacon-queue-error.js';
import { checkNumberOption } from './check-number-option.js';
import { closeWithin } from './close-within.js';
import { BEACON_BACKOFF, UNBOUNDED_ATTEMPTS, type BeaconBatchData, type QueuedBeaconOutcome } from './beacon-job.js';
import { beaconKey } from './beacon-key.js';
import { KeyClaims } from './key-claims.js';
import { OutcomeStore } from './outcome-store.js';
import { readOutcomeStream, type OutcomeStreamEvent, type WatchOutcomesOptions } from './outcome-stream.js';
import { QueuedBeaconTransport } from './queued-beacon-transport.js';
import { claimKey, jobKeyPrefix, outcomeStreamKey, outcomesKey, redisOptions, type QueueLocation } from './redis-connection.js';

/** How long a read of the outcome stream waits for new outcomes, unless told otherwise. */
const DEFAULT_BLOCK_MS = 5000;
/** How much longer than that Redis may take to answer a read of the outcome stream. */
const READ_MARGIN_MS = 5000;

/** Options of {@link BeaconQueue}. */
export interface BeaconQueueOptions extends QueueLocation {
  /**
   * How long an idempotency key's claim, and the outcomes of each session, stay in Redis. While
   * the claim stays, enqueuing the key again adds nothing; while the outcome stays, a worker never
   * sends a delivered key again. Keep it above the worker's retry window. Jobs that failed
   * (Redis did not answer a worker too often) stay as long, for inspection; completed jobs are
   * removed at once (their beacons' outcomes are recorded).
   * @defaultValue 7_200_000 (2 hours)
   */
  readonly retentionMs?: number;
  /**
   * The most beacons in one BullMQ job. The beacons enqueued in the same tick share jobs: a
   * job's moves cost Redis far more than a beacon's own work, so batching is what makes the
   * queue keep up with direct sending. From 1 to 1000.
   * @defaultValue 100
   */
  readonly maxBatch?: number;
  /**
   * How long `send` waits for Redis to accept a beacon. Past it the outcome is `failed` with
   * `timeout`: the beacon may still have been queued (Redis may answer later).
   * @defaultValue 5000
   */
  readonly enqueueTimeoutMs?: number;
  /**
   * How long `close()` may wait for Redis. Past it the connections are dropped and `close()`
   * rejects with `BEACON_QUEUE_CLOSE_TIMEOUT`: a hung Redis cannot hold a shutdown.
   * @defaultValue 10_000
   */
  readonly closeTimeoutMs?: number;
  /**
   * The clock of the enqueue deadline. Network time is real time: pass a clock only in tests
   * that drive it.
   * @defaultValue real time
   */
  readonly time?: TimeProvider;
}

/**
 * The producer side of the durable beacon queue: a BullMQ queue in Redis shared by every
 * instance of a fleet. Each session gets a {@link QueuedBeaconTransport} from
 * {@link BeaconQueue.transport}; a {@link BeaconWorker} (any process) delivers the beacons.
 *
 * @example
 * ```ts
 * const queue = new BeaconQueue({ connection: { host: '127.0.0.1', port: 6379 } });
 * const tracker = new Tracker({ tracking, time, transport: queue.transport(sessionId) });
 * tracker.track('impression'); // outcome: { kind: 'queued', key } once Redis has it
 * // later, from any instance:
 * const delivered = await queue.outcomesOf(sessionId);
 * await queue.close();
 * ```
 */
export class BeaconQueue {
  readonly #queue: Queue<BeaconBatchData>;
  readonly #writer: BatchWriter;
  readonly #redis: Redis;
  readonly #connection: ReturnType<typeof redisOptions>;
  readonly #streamKey: string;
  readonly #store: OutcomeStore;
  readonly #time: TimeProvider;
  readonly #enqueueTimeoutMs: number;
  readonly #closeTimeoutMs: number;
  #closing: Promise<void> | undefined;

  /**
   * @param options - connection, queue name, prefix, retention, batch size and the enqueue deadline
   * @throws BeaconQueueError `INVALID_BEACON_QUEUE_OPTIONS` for a number out of range
   */
  constructor(options: BeaconQueueOptions) {
    const queueName = options.queueName ?? 'vast-beacons';
    const prefix = options.prefix ?? 'vast';
    checkNumberOption('retentionMs', options.retentionMs, 1);
    checkNumberOption('enqueueTimeoutMs', options.enqueueTimeoutMs, 1);
    checkNumberOption('closeTimeoutMs', options.closeTimeoutMs, 1);
    // An upper bound too: a job holds its beacons' JSON, and BullMQ moves it whole.
    checkNumberOption('maxBatch', options.maxBatch, 1, { integer: true, max: 1000 });
    const retentionMs = options.retentionMs ?? 7_200_000;
    const connection = redisOptions(options.connection);
    this.#time = options.time ?? new RealtimeTimeProvider();
    this.#enqueueTimeoutMs = options.enqueueTimeoutMs ?? 5000;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
    const age = Math.ceil(retentionMs / 1000);
    this.#connection = connection;
    this.#streamKey = outcomeStreamKey(prefix, queueName);
    this.#queue = new Queue<BeaconBatchData>(queueName, {
      connection,
      prefix,
      defaultJobOptions: {
        // The worker decides when a beacon is given up (attempts and retry window); a job fails
        // only when Redis did not answer, and is then tried again.
        attempts: UNBOUNDED_ATTEMPTS,
        backoff: { type: BEACON_BACKOFF },
        // Claims and outcomes deduplicate, not finished jobs.
        removeOnComplete: true,
        removeOnFail: { age },
      },
    });
    // Errors surface through the promises of add(); without a listener an 'error' event would throw.
    this.#queue.on('error', () => undefined);
    this.#redis = new Redis({ ...connection, lazyConnect: true });
    this.#redis.on('error', () => undefined);
    const claims = new KeyClaims(
      this.#redis,
      {
        claim: (key) => claimKey(prefix, queueName, key),
        outcomes: (sessionId) => outcomesKey(prefix, queueName, sessionId),
        jobPrefix: jobKeyPrefix(prefix, queueName),
      },
      retentionMs,
      // A claim younger than the enqueue deadline may still get its job.
      this.#enqueueTimeoutMs,
    );
    this.#writer = new BatchWriter(this.#queue, claims, options.maxBatch ?? 100);
    // The stream is the workers' to write and cap; this side only reads it.
    this.#store = new OutcomeStore(this.#redis, { prefix, queueName, retentionMs, streamLength: 0 });
  }

  /**
   * A transport that queues the beacons of one session (cheap: it shares this queue's
   * connections).
   * @param sessionId - the playback session; part of every idempotency key
   * @returns the session's transport
   */
  transport(sessionId: string): QueuedBeaconTransport {
    return new QueuedBeaconTransport({ queue: this, sessionId });
  }

  /**
   * Queues one beacon under its idempotency key. A key already queued (by any instance) is not
   * queued again; the outcome is `queued` either way.
   * @param sessionId - its session
   * @param beacon - the beacon
   * @returns `queued` once Redis accepted it, or `failed` (`network` when Redis refused or was
   *   unreachable, `timeout` past `enqueueTimeoutMs`; the beacon may then still be queued)
   */
  async enqueue(sessionId: string, beacon: Beacon): Promise<BeaconOutcome> {
    const key = beaconKey(sessionId, beacon);
    const deadline = new AbortController();
    const added = this.#writer.add({ sessionId, key, beacon, queuedAt: this.#time.now(), attempts: 0 }).then(
      (): BeaconOutcome => ({ kind: 'queued', beacon, key }),
      (error: unknown): BeaconOutcome => ({ kind: 'failed', beacon, reason: 'network', message: `the queue refused it: ${String(error)}`, attempts: 0 }),
    );
    const expired = this.#time.sleep(this.#enqueueTimeoutMs, deadline.signal).then(
      (): BeaconOutcome => ({ kind: 'failed', beacon, reason: 'timeout', message: `Redis did not accept it within ${this.#enqueueTimeoutMs} ms`, attempts: 0 }),
      (): BeaconOutcome => ({ kind: 'failed', beacon, reason: 'aborted', message: 'deadline cancelled', attempts: 0 }),
    );
    try {
      return await Promise.race([added, expired]);
    } finally {
      // A reason of our own: abort() without one builds a DOMException (and its stack) per beacon.
      deadline.abort('settled');
    }
  }

  /**
   * The final outcomes recorded for a session's queued beacons (by any worker), oldest first.
   * Beacons still waiting or being retried are not there yet.
   * @param sessionId - the session
   * @returns its outcomes, until they expire after the retention
   * @throws BeaconQueueError `BEACON_OUTCOME_CORRUPT` when the session's hash holds something a
   *   worker did not write
   */
  outcomesOf(sessionId: string): Promise<QueuedBeaconOutcome[]> {
    return this.#store.all(sessionId);
  }

  /**
   * Follows the final outcomes of every session of the queue as workers (of any process) record
   * them, in the order recorded: for reports and dashboards beside {@link BeaconQueue.outcomesOf}.
   * The stream is capped by the workers' `outcomeStreamLength`: a reader that falls further behind
   * gets a `missed` event with the count. Each iteration reads on a Redis connection of its own,
   * closed when the loop ends or `signal` aborts.
   *
   * @param options - where to start, the signal that ends it, read sizes and waits
   * @returns the events, until `signal` aborts or the loop breaks
   * @throws BeaconQueueError `INVALID_BEACON_QUEUE_OPTIONS` for a size or wait out of range, or an
   *   `after` that is not `'now'`, `'start'` or an event's id
   * @example
   * ```ts
   * const stop = new AbortController();
   * for await (const event of queue.watchOutcomes({ signal: stop.signal })) {
   *   if (event.kind === 'outcome') report(event.outcome.sessionId, event.outcome.outcome.kind);
   * }
   * ```
   */
  watchOutcomes(options: WatchOutcomesOptions = {}): AsyncIterable<OutcomeStreamEvent> {
    checkNumberOption('batchSize', options.batchSize, 1, { integer: true });
    checkNumberOption('blockMs', options.blockMs, 0);
    checkNumberOption('retryMs', options.retryMs, 0);
    const { after } = options;
    if (after !== undefined && after !== 'now' && after !== 'start' && !/^\d+-\d+(#\d+)?$/.test(after)) {
      throw new BeaconQueueError('INVALID_BEACON_QUEUE_OPTIONS', 'after', `after must be 'now', 'start' or the id of an event (such as '1764500000000-0#42'), got ${JSON.stringify(after)}`);
    }
    // Every read is bounded: a blocking read by its block time, any read by a margin beyond it, so
    // a Redis that stops answering (paused, overloaded) gives `unavailable` events, not a stuck loop.
    const commandTimeout = (options.blockMs ?? DEFAULT_BLOCK_MS) + READ_MARGIN_MS;
    const redis = new Redis({ ...this.#connection, lazyConnect: true, maxRetriesPerRequest: 1, commandTimeout });
    redis.on('error', () => undefined);
    return readOutcomeStream(redis, this.#streamKey, this.#time, { blockMs: DEFAULT_BLOCK_MS, ...options });
  }

  /**
   * Counts of the queue's jobs (each a batch of beacons) by state (waiting, active, delayed,
   * failed...); completed jobs are removed at once.
   * @returns the counts
   */
  counts(): Promise<Record<string, number>> {
    return this.#queue.getJobCounts();
  }

  /**
   * Closes the connections. Transports of this queue must be closed (or flushed) first so no
   * enqueue is cut short.
   * @returns when closed
   * @throws BeaconQueueError `BEACON_QUEUE_CLOSE_TIMEOUT` when Redis did not let it close within
   *   `closeTimeoutMs`; the connections are dropped then
   */
  close(): Promise<void> {
    this.#closing ??= closeWithin(
      (async () => {
        await this.#queue.close();
        this.#redis.disconnect();
      })(),
      async () => {
        this.#redis.disconnect();
        await this.#queue.disconnect();
      },
      this.#closeTimeoutMs,
      'the beacon queue',
    );
    return this.#closing;
  }
}
