import { DelayedError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { RealtimeTimeProvider, type TimeProvider } from '@vast/time';
import { HttpBeaconTransport, createSystemRandom, type BeaconOutcome, type BeaconTransport, type HttpBeaconTransportOptions, type RandomSource } from '@vast/tracker';
import type { BeaconJobData, QueuedBeaconOutcome } from './beacon-job.js';
import { DeadlineWatch } from './deadline-watch.js';
import { OutcomeStore } from './outcome-store.js';
import { HostRateLimiter, type PerHostRateLimit } from './per-host-rate-limit.js';
import { redisOptions, type QueueLocation } from './redis-connection.js';
import { isRetryable, retryDelay, type RetryPolicy } from './retry-policy.js';

/** Receives each final outcome this worker records. */
export type QueuedBeaconOutcomeListener = (outcome: QueuedBeaconOutcome) => void;

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
   * Beacons handled at once by this worker: each job waits on a few Redis round trips and an HTTP
   * request, so with a far ad server (say 100 ms) a worker delivers at most about `concurrency`
   * × 10 beacons per second. A worker that crashes may send again up to this many beacons (those
   * in flight or not yet recorded); HTTP requests at once are capped apart by `http.maxConcurrent`.
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
  /** Must match the queue's `retentionMs`: how long outcomes stay. @defaultValue 7_200_000 */
  readonly retentionMs?: number;
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

/** Thrown by the processor so that BullMQ schedules a retry with the worker's backoff. */
class RetryableDeliveryError extends Error {
  override readonly name = 'RetryableDeliveryError';
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
  readonly #worker: Worker<BeaconJobData, QueuedBeaconOutcome>;
  readonly #redis: Redis;
  readonly #store: OutcomeStore;
  readonly #limiter: HostRateLimiter | undefined;
  readonly #transport: BeaconTransport;
  readonly #ownsTransport: boolean;
  readonly #time: TimeProvider;
  /** Bounds each wait on Redis by `redisTimeoutMs`, in real time. */
  readonly #redisWaits: DeadlineWatch;
  readonly #random: RandomSource;
  readonly #attempts: number;
  readonly #initialDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #retryWindowMs: number;
  readonly #retryOnTimeout: boolean;
  readonly #listeners = new Set<QueuedBeaconOutcomeListener>();
  #closing: Promise<void> | undefined;

  /**
   * @param options - connection, transport, retry policy, rate limit and stall settings
   */
  constructor(options: BeaconWorkerOptions) {
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
    this.#ownsTransport = options.transport === undefined;
    const concurrency = options.concurrency ?? 64;
    this.#transport = options.transport ?? new HttpBeaconTransport({ maxConcurrent: concurrency, ...options.http, retries: 0 });
    // Commands wait for a reconnect instead of failing after 20 tries (a Redis restart must not
    // lose the record of a delivery), each wait bounded by redisTimeoutMs.
    // Auto-pipelining: the reads and records of concurrent jobs go out in one write.
    this.#redis = new Redis({ ...connection, maxRetriesPerRequest: null, enableAutoPipelining: true });
    this.#redis.on('error', () => undefined);
    this.#store = new OutcomeStore(this.#redis, prefix, queueName, options.retentionMs ?? 7_200_000);
    this.#limiter =
      options.perHostRateLimit === undefined ? undefined : new HostRateLimiter(this.#redis, `${prefix}:${queueName}:rate:`, options.perHostRateLimit);
    this.#worker = new Worker<BeaconJobData, QueuedBeaconOutcome>(queueName, (job, token) => this.#process(job, token), {
      // Auto-pipelining: the commands of concurrent jobs (lock renewals, moves) share writes.
      connection: { ...connection, enableAutoPipelining: true },
      prefix,
      concurrency,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 15_000,
      maxStalledCount: options.maxStalledCount ?? 5,
      autorun: options.autorun ?? true,
      settings: { backoffStrategy: (attemptsMade, _type, _error, job) => this.#backoff(attemptsMade, job) },
    });
    // Connection errors are retried by BullMQ; an unhandled 'error' event would end the process.
    this.#worker.on('error', () => undefined);
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
   * the transport's timeout) and records their outcomes, then closes the connections and the
   * worker's own transport. A job whose retry is scheduled stays in Redis for another worker.
   * @returns when closed
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#worker.close();
      if (this.#ownsTransport) await this.#transport.close();
      this.#redisWaits.close();
      this.#redis.disconnect();
    })();
    return this.#closing;
  }

  /**
   * The delay of BullMQ's next attempt: never later than the end of the retry window, except for
   * an attempt that failed past it (Redis refused the record), which waits the whole delay.
   */
  #backoff(attemptsMade: number, job: { timestamp: number } | undefined): number {
    const delay = retryDelay(attemptsMade, this.#initialDelayMs, this.#maxDelayMs, () => this.#random.next());
    const left = (job?.timestamp ?? 0) + this.#retryWindowMs - this.#time.now();
    return left > 0 ? Math.min(delay, left) : delay;
  }

  async #process(job: Job<BeaconJobData, QueuedBeaconOutcome>, token: string | undefined): Promise<QueuedBeaconOutcome> {
    const { sessionId, key, beacon } = job.data;
    // A worker that died after recording but before completing the job: nothing to send again.
    const known = await this.#bounded(this.#store.get(sessionId, key), 'reading the outcome');
    if (known !== undefined) return known;
    const attempt = job.attemptsMade + 1;
    const age = this.#time.now() - job.timestamp;
    if (age > this.#retryWindowMs) {
      return this.#finish(sessionId, key, {
        kind: 'dropped',
        beacon,
        reason: 'expired',
        message: `not delivered within the retry window of ${this.#retryWindowMs} ms (queued ${age} ms ago, ${job.attemptsMade} attempts)`,
      });
    }
    if (this.#limiter !== undefined && URL.canParse(beacon.url)) {
      const waitMs = await this.#limiter.reserve(new URL(beacon.url).host, key);
      if (waitMs > 0) {
        // Only this beacon waits: the others of the queue (other hosts) go on.
        await job.moveToDelayed(this.#time.now() + waitMs + Math.round(this.#random.next() * 50), token);
        throw new DelayedError();
      }
    }
    const outcome = await this.#transport.send(beacon);
    if (outcome.kind === 'failed' && isRetryable(outcome, this.#retryOnTimeout) && attempt < this.#attempts && this.#hasTimeFor(job)) {
      throw new RetryableDeliveryError(`${outcome.reason}: ${outcome.message}`);
    }
    return this.#finish(sessionId, key, outcome.kind === 'sent' || outcome.kind === 'failed' ? { ...outcome, attempts: attempt } : outcome);
  }

  /** Whether a retry can still start within the window. */
  #hasTimeFor(job: Job<BeaconJobData, QueuedBeaconOutcome>): boolean {
    return this.#time.now() + this.#initialDelayMs / 2 < job.timestamp + this.#retryWindowMs;
  }

  /** Waits for a Redis command, at most `redisTimeoutMs` (one shared timer for all jobs). */
  #bounded<T>(work: Promise<T>, what: string): Promise<T> {
    return this.#redisWaits.bound(work, what);
  }

  /** Records the final outcome in Redis (before the job completes), then tells the listeners. */
  async #finish(sessionId: string, key: string, outcome: BeaconOutcome): Promise<QueuedBeaconOutcome> {
    const final: QueuedBeaconOutcome = { sessionId, key, outcome, at: this.#time.now() };
    await this.#bounded(this.#store.record(final), 'recording the outcome');
    for (const listener of this.#listeners) {
      try {
        listener(final);
      } catch {
        // A listener's failure must not fail the job.
      }
    }
    return final;
  }
}
