import { DelayedError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { RealtimeTimeProvider, type TimeProvider } from '@vast/time';
import { HttpBeaconTransport, createSystemRandom, type BeaconOutcome, type BeaconTransport, type HttpBeaconTransportOptions, type RandomSource } from '@vast/tracker';
import type { BeaconBatchData, QueuedBeaconEntry, QueuedBeaconOutcome } from './beacon-job.js';
import { checkNumberOption } from './check-number-option.js';
import { closeWithin } from './close-within.js';
import { DeadlineWatch } from './deadline-watch.js';
import { OutcomeStore } from './outcome-store.js';
import { HostRateLimiter, type PerHostRateLimit } from './per-host-rate-limit.js';
import { redisOptions, type QueueLocation } from './redis-connection.js';
import { SendSlots } from './send-slots.js';
import { isRetryable, retryDelay, type RetryPolicy } from './retry-policy.js';

/** Receives each final outcome this worker records. */
export type QueuedBeaconOutcomeListener = (outcome: QueuedBeaconOutcome) => void;

/** Receives the failure of a batch job (Redis did not answer in time); the job is tried again. */
export type BeaconJobErrorListener = (error: Error) => void;

/** Options of {@link BeaconWorker}. */
export interface BeaconWorkerOptions extends QueueLocation, RetryPolicy {
  /**
   * Where beacons are delivered. It should not retry itself (the worker retries durably).
   * The worker never closes a transport passed here.
   * @defaultValue an {@link HttpBeaconTransport} made from `http` with `retries: 0`
   */
  readonly transport?: BeaconTransport;
  /**
   * Options of the default HTTP transport; `retries` is always 0 and `maxConcurrent` defaults to
   * the worker's `concurrency` (not the transport's 32). Pass `dispatcher` to send
   * through an undici dispatcher of yours, e.g. `createGuardedDispatcher()` of `@vast/client`
   * (refuses private and metadata addresses).
   */
  readonly http?: Omit<HttpBeaconTransportOptions, 'retries'>;
  /**
   * Deliveries at once by this worker: each waits on an HTTP
   * request, so with a far ad server (say 100 ms) a worker delivers at most about `concurrency`
   * × 10 beacons per second. A worker that crashes may send again up to this many beacons (those
   * whose request was in flight, or done but not yet recorded). The worker takes another batch
   * job only while it holds fewer beacons than this, so that the batches spread over the fleet's
   * workers instead of piling up at the first one.
   * @defaultValue 64
   */
  readonly concurrency?: number;
  /** Requests per host and window, for all workers together. @defaultValue no limit */
  readonly perHostRateLimit?: PerHostRateLimit;
  /**
   * How long a worker's hold on a job lasts without renewal (renewed every half of it while the
   * worker lives). A worker that dies leaves its jobs to another worker after at most about
   * `lockDurationMs + stalledIntervalMs`. Keep it well above the request timeout.
   * @defaultValue 30_000
   */
  readonly lockDurationMs?: number;
  /** How often this worker looks for jobs of dead workers. @defaultValue 15_000 */
  readonly stalledIntervalMs?: number;
  /**
   * How many times one job may be taken back from dead workers before BullMQ fails it (without
   * an outcome in {@link BeaconQueue.outcomesOf}).
   * @defaultValue 5
   */
  readonly maxStalledCount?: number;
  /**
   * How long the worker waits for Redis to read or record an outcome (it waits through a Redis
   * restart rather than fail). Past it the job fails and is retried: a delivery whose record
   * timed out is sent again. One timer checks all waits, every quarter of this (at most every
   * second), so a wait fails up to that much later.
   * @defaultValue 60_000
   */
  readonly redisTimeoutMs?: number;
  /**
   * How long `close()` may take: the deliveries in flight, their records, and giving back the
   * beacons not started. Past it (Redis hangs) the connections are dropped and `close()` rejects
   * with `BEACON_QUEUE_CLOSE_TIMEOUT`; the jobs it held wait in Redis for another worker once their
   * locks expire, and a delivery whose record was cut off is sent again.
   * @defaultValue 30_000
   */
  readonly closeTimeoutMs?: number;
  /** Must match the queue's `retentionMs`: how long outcomes stay. @defaultValue 7_200_000 */
  readonly retentionMs?: number;
  /**
   * About how many final outcomes the queue's outcome stream keeps, for readers of
   * {@link BeaconQueue.watchOutcomes} (a reader further behind is told how many it missed);
   * 0 turns the stream off. Each entry costs Redis about the size of the outcome's JSON.
   * @defaultValue 10_000
   */
  readonly outcomeStreamLength?: number;
  /**
   * The clock of a beacon's age (the retry window) and of retry times. Waits on Redis
   * (`redisTimeoutMs`) are always in real time: network time is real time.
   * @defaultValue real time
   */
  readonly time?: TimeProvider;
  /** Random numbers for the jitter. @defaultValue `createSystemRandom()` of `@vast/tracker` */
  readonly random?: RandomSource;
  /** Start taking jobs at once. @defaultValue true */
  readonly autorun?: boolean;
}

/**
 * Delivers the beacons of a {@link BeaconQueue}, in any number of processes: bounded attempts
 * with exponential backoff and jitter, retries on network errors and 5xx only, a retry window,
 * an optional per-host rate limit, and at most one delivery per idempotency key as far as a
 * worker can know (see `docs/scaling.md` for what is and is not guaranteed). Every final
 * outcome is recorded in Redis ({@link BeaconQueue.outcomesOf}) and reported to
 * {@link BeaconWorker.onOutcome} listeners.
 *
 * @example
 * ```ts
 * const worker = new BeaconWorker({
 *   connection: { host: '127.0.0.1', port: 6379 },
 *   http: { timeoutMs: 2000 },
 *   perHostRateLimit: { max: 200, durationMs: 1000 },
 * });
 * worker.onOutcome((o) => console.log(o.sessionId, o.outcome.kind));
 * process.on('SIGTERM', () => void worker.close());
 * ```
 */
export class BeaconWorker {
  readonly #worker: Worker<BeaconBatchData, void>;
  /** Caps the deliveries at once over all the batch jobs held. */
  readonly #slots: SendSlots;
  /** Set by close(): the beacons not started yet go back to the queue. */
  #stopping = false;
  /** The most batch jobs held at once (`concurrency`). */
  readonly #maxJobs: number;
  /** Batch jobs being processed now. */
  #activeJobs = 0;
  /** Beacons of those jobs not yet done with (delivered, kept for later or skipped). */
  #inHand = 0;
  readonly #redis: Redis;
  readonly #store: OutcomeStore;
  readonly #limiter: HostRateLimiter | undefined;
  readonly #transport: BeaconTransport;
  readonly #ownsTransport: boolean;
  readonly #time: TimeProvider;
  /** Bounds each wait on Redis by `redisTimeoutMs`, in real time. */
  readonly #redisWaits: DeadlineWatch;
  readonly #closeTimeoutMs: number;
  readonly #random: RandomSource;
  readonly #attempts: number;
  readonly #initialDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #retryWindowMs: number;
  readonly #retryOnTimeout: boolean;
  readonly #listeners = new Set<QueuedBeaconOutcomeListener>();
  readonly #errorListeners = new Set<BeaconJobErrorListener>();
  #closing: Promise<void> | undefined;

  /**
   * @param options - connection, transport, retry policy, rate limit and stall settings
   * @throws BeaconQueueError `INVALID_BEACON_QUEUE_OPTIONS` for a number out of range
   */
  constructor(options: BeaconWorkerOptions) {
    checkWorkerOptions(options);
    const queueName = options.queueName ?? 'vast-beacons';
    const prefix = options.prefix ?? 'vast';
    const connection = redisOptions(options.connection);
    this.#time = options.time ?? new RealtimeTimeProvider();
    this.#random = options.random ?? createSystemRandom();
    this.#attempts = options.attempts ?? 10;
    this.#initialDelayMs = options.initialDelayMs ?? 1000;
    this.#maxDelayMs = options.maxDelayMs ?? 600_000;
    this.#retryWindowMs = options.retryWindowMs ?? 3_600_000;
    this.#retryOnTimeout = options.retryOnTimeout ?? false;
    this.#redisWaits = new DeadlineWatch(new RealtimeTimeProvider(), options.redisTimeoutMs ?? 60_000);
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 30_000;
    this.#ownsTransport = options.transport === undefined;
    const concurrency = options.concurrency ?? 64;
    this.#transport = options.transport ?? new HttpBeaconTransport({ maxConcurrent: concurrency, ...options.http, retries: 0 });
    // Commands wait for a reconnect instead of failing after 20 tries (a Redis restart must not
    // lose the record of a delivery), each wait bounded by redisTimeoutMs.
    // Auto-pipelining: the reads and records of concurrent jobs go out in one write.
    this.#redis = new Redis({ ...connection, maxRetriesPerRequest: null, enableAutoPipelining: true });
    this.#redis.on('error', () => undefined);
    this.#store = new OutcomeStore(this.#redis, {
      prefix,
      queueName,
      retentionMs: options.retentionMs ?? 7_200_000,
      streamLength: options.outcomeStreamLength ?? 10_000,
    });
    this.#slots = new SendSlots(concurrency);
    this.#maxJobs = concurrency;
    this.#limiter =
      options.perHostRateLimit === undefined ? undefined : new HostRateLimiter(this.#redis, `${prefix}:${queueName}:rate:`, options.perHostRateLimit);
    this.#worker = new Worker<BeaconBatchData, void>(queueName, (job, token) => this.#process(job, token), {
      // Auto-pipelining: the commands of concurrent jobs (lock renewals, moves) share writes.
      connection: { ...connection, enableAutoPipelining: true },
      prefix,
      concurrency,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 15_000,
      maxStalledCount: options.maxStalledCount ?? 5,
      autorun: options.autorun ?? true,
      // A job fails only when Redis did not answer: it is tried again after a growing delay.
      settings: { backoffStrategy: (attemptsMade) => retryDelay(attemptsMade, this.#initialDelayMs, this.#maxDelayMs, () => this.#random.next()) },
    });
    // Connection errors are retried by BullMQ; an unhandled 'error' event would end the process.
    this.#worker.on('error', () => undefined);
    this.#admit();
    this.#worker.on('failed', (_job, error) => {
      for (const listener of this.#errorListeners) {
        try {
          listener(error);
        } catch {
          // A listener's failure must not stop the worker.
        }
      }
    });
  }

  /**
   * Follows the final outcomes this worker records.
   * @param listener - called once per outcome; an exception it throws is ignored
   * @returns a function that unsubscribes
   */
  onOutcome(listener: QueuedBeaconOutcomeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Follows the failures of batch jobs: Redis did not answer in time (reading or recording an
   * outcome, delaying a job). BullMQ tries the job again after a growing delay; its beacons
   * recorded by then are not sent again. Worth logging: they mean Redis is slow or down.
   * @param listener - called once per failure; an exception it throws is ignored
   * @returns a function that unsubscribes
   */
  onJobError(listener: BeaconJobErrorListener): () => void {
    this.#errorListeners.add(listener);
    return () => this.#errorListeners.delete(listener);
  }

  /**
   * Starts taking jobs (when made with `autorun: false`).
   * @returns at once; the worker runs until {@link BeaconWorker.close}
   */
  start(): void {
    void this.#worker.run().catch(() => undefined);
  }

  /**
   * Waits until BullMQ's connections are up.
   * @returns when the worker can take jobs
   */
  async ready(): Promise<void> {
    await this.#worker.waitUntilReady();
  }

  /**
   * Graceful shutdown: stops taking jobs, lets the deliveries in flight finish (each bounded by
   * the transport's timeout) and records their outcomes, and gives the beacons of its jobs that
   * it had not started back to the queue; then closes the connections and the worker's own
   * transport. Beacons whose retry is scheduled stay in Redis for another worker.
   * @returns when closed
   * @throws BeaconQueueError `BEACON_QUEUE_CLOSE_TIMEOUT` when that took more than
   *   `closeTimeoutMs` (Redis did not answer); the connections are dropped then
   */
  close(): Promise<void> {
    this.#closing ??= closeWithin(
      (async () => {
        this.#stopping = true;
        await this.#worker.close();
        if (this.#ownsTransport) await this.#transport.close();
        this.#redisWaits.close();
        this.#redis.disconnect();
      })(),
      async () => {
        this.#redisWaits.close();
        this.#redis.disconnect();
        await this.#worker.disconnect();
        // Deliveries in flight end by the transport's own timeout.
        if (this.#ownsTransport) await this.#transport.close();
      },
      this.#closeTimeoutMs,
      'the beacon worker',
    );
    return this.#closing;
  }

  /**
   * Delivers the beacons of a batch job not yet delivered. Those to try again later (a retry's
   * backoff, the host's rate limit, a worker closing) stay in the job, which waits in BullMQ's
   * delayed set until the first of them is due; the job completes once every beacon has its
   * final outcome recorded. A job that fails (Redis did not answer) is taken again whole: the
   * beacons recorded by then are not sent again.
   */
  async #process(job: Job<BeaconBatchData, void>, token: string | undefined): Promise<void> {
    const { entries } = job.data;
    this.#activeJobs++;
    this.#inHand += entries.length;
    this.#admit();
    let left = entries.length;
    const done = () => {
      left--;
      this.#inHand--;
      this.#admit();
    };
    try {
      await this.#deliverBatch(job, token, entries, done);
    } finally {
      this.#inHand -= left;
      this.#activeJobs--;
      this.#admit();
    }
  }

  /**
   * Lets BullMQ take another batch job only while this worker has fewer beacons in hand than
   * delivery slots: otherwise one worker would take every batch waiting (each holds up to
   * `maxBatch` beacons) while the others of the fleet stay idle.
   */
  #admit(): void {
    const more = this.#inHand < this.#slots.size ? 1 : 0;
    this.#worker.concurrency = Math.min(this.#maxJobs, Math.max(1, this.#activeJobs + more));
  }

  async #deliverBatch(job: Job<BeaconBatchData, void>, token: string | undefined, entries: readonly QueuedBeaconEntry[], done: () => void): Promise<void> {
    const recorded = await this.#bounded(this.#store.recordedAmong(entries), 'reading the outcomes');
    const results = await Promise.allSettled(
      entries.map(async (entry) => {
        try {
          return recorded.has(entry.key) ? undefined : await this.#handle(entry);
        } finally {
          done();
        }
      }),
    );
    const remaining: QueuedBeaconEntry[] = [];
    for (const result of results) {
      if (result.status === 'rejected') throw result.reason;
      if (result.value !== undefined) remaining.push(result.value);
    }
    if (remaining.length === 0) return;
    await this.#bounded(job.updateData({ entries: remaining }), 'keeping the beacons still to deliver');
    const now = this.#time.now();
    let due = Number.POSITIVE_INFINITY;
    for (const entry of remaining) due = Math.min(due, entry.notBefore ?? now);
    await this.#bounded(job.moveToDelayed(due, token), 'delaying the job');
    throw new DelayedError();
  }

  /**
   * One beacon of a batch.
   * @returns undefined once its final outcome is recorded; the entry to keep (with when it is
   *   due) when it is to be tried later
   */
  async #handle(entry: QueuedBeaconEntry): Promise<QueuedBeaconEntry | undefined> {
    const now = this.#time.now();
    if (entry.notBefore !== undefined && entry.notBefore > now) return entry;
    const age = now - entry.queuedAt;
    if (age > this.#retryWindowMs) {
      await this.#finish(entry, {
        kind: 'dropped',
        beacon: entry.beacon,
        reason: 'expired',
        message: `not delivered within the retry window of ${this.#retryWindowMs} ms (queued ${age} ms ago, ${entry.attempts} attempts)`,
      });
      return undefined;
    }
    if (this.#stopping) return entry;
    const { beacon } = entry;
    if (this.#limiter !== undefined && URL.canParse(beacon.url)) {
      const waitMs = await this.#bounded(this.#limiter.reserve(new URL(beacon.url).host, entry.key), 'reserving a request to the host');
      // Only this beacon waits: the others (other hosts) go on.
      if (waitMs > 0) return { ...entry, notBefore: now + waitMs + Math.round(this.#random.next() * 50) };
    }
    // The slot is held until the outcome is recorded: a crash repeats at most `concurrency` beacons.
    await this.#slots.take();
    try {
      if (this.#stopping) return entry;
      const outcome = await this.#transport.send(beacon);
      const attempts = entry.attempts + 1;
      if (outcome.kind === 'failed' && isRetryable(outcome, this.#retryOnTimeout) && attempts < this.#attempts && this.#hasTimeFor(entry)) {
        return { ...entry, attempts, notBefore: this.#time.now() + this.#retryDelay(attempts, entry) };
      }
      await this.#finish(entry, outcome.kind === 'sent' || outcome.kind === 'failed' ? { ...outcome, attempts } : outcome);
      return undefined;
    } finally {
      this.#slots.release();
    }
  }

  /** Whether a retry can still start within the window. */
  #hasTimeFor(entry: QueuedBeaconEntry): boolean {
    return this.#time.now() + this.#initialDelayMs / 2 < entry.queuedAt + this.#retryWindowMs;
  }

  /** The wait before the next attempt: the backoff, never past the end of the retry window. */
  #retryDelay(attemptsMade: number, entry: QueuedBeaconEntry): number {
    const delay = retryDelay(attemptsMade, this.#initialDelayMs, this.#maxDelayMs, () => this.#random.next());
    return Math.max(0, Math.min(delay, entry.queuedAt + this.#retryWindowMs - this.#time.now()));
  }

  /** Waits for a Redis command, at most `redisTimeoutMs` (one shared timer for all jobs). */
  #bounded<T>(work: Promise<T>, what: string): Promise<T> {
    return this.#redisWaits.bound(work, what);
  }

  /** Records the final outcome in Redis (before the job completes), then tells the listeners. */
  async #finish({ sessionId, key }: QueuedBeaconEntry, outcome: BeaconOutcome): Promise<void> {
    const final: QueuedBeaconOutcome = { sessionId, key, outcome, at: this.#time.now() };
    await this.#bounded(this.#store.record(final), 'recording the outcome');
    for (const listener of this.#listeners) {
      try {
        listener(final);
      } catch {
        // A listener's failure must not fail the job.
      }
    }
  }
}

/** Refuses numbers out of range before anything connects. */
function checkWorkerOptions(options: BeaconWorkerOptions): void {
  checkNumberOption('concurrency', options.concurrency, 1, { integer: true });
  checkNumberOption('attempts', options.attempts, 1, { integer: true });
  checkNumberOption('initialDelayMs', options.initialDelayMs, 0);
  checkNumberOption('maxDelayMs', options.maxDelayMs, 0);
  checkNumberOption('retryWindowMs', options.retryWindowMs, 1);
  checkNumberOption('lockDurationMs', options.lockDurationMs, 1);
  checkNumberOption('stalledIntervalMs', options.stalledIntervalMs, 1);
  checkNumberOption('maxStalledCount', options.maxStalledCount, 0, { integer: true });
  checkNumberOption('redisTimeoutMs', options.redisTimeoutMs, 1);
  checkNumberOption('closeTimeoutMs', options.closeTimeoutMs, 1);
  checkNumberOption('retentionMs', options.retentionMs, 1);
  checkNumberOption('outcomeStreamLength', options.outcomeStreamLength, 0, { integer: true });
  checkNumberOption('perHostRateLimit.max', options.perHostRateLimit?.max, 1, { integer: true });
  checkNumberOption('perHostRateLimit.durationMs', options.perHostRateLimit?.durationMs, 1);
}
