import { EventEmitter } from 'node:events';
import { Agent, type Dispatcher } from 'undici';
import { RealtimeTimeProvider, type TimeProvider } from '@vast/time';
import type { Beacon, BeaconRequestContext } from './beacon.js';
import { parseBeaconUrl, type BeaconFailureReason, type BeaconOutcome } from './beacon-outcome.js';
import type { BeaconTransport } from './beacon-transport.js';
import { AttemptDeadlines } from './attempt-deadlines.js';

/** The abort signal of one attempt, in the EventEmitter form undici accepts. */
class AttemptAbort extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort', reason);
  }
}

/**
 * Options of {@link HttpBeaconTransport}. The names `timeoutMs`, `retries`, `retryBackoffMs`,
 * `ssaiHeaders` and `headers` are those of `TrackerOptions` in `@vast/config`, so a resolved
 * config can be spread in.
 */
export interface HttpBeaconTransportOptions {
  /**
   * Deadline of one attempt, in milliseconds: connecting, waiting in the dispatcher's queue,
   * redirects, headers and the whole body together. A server that drips bytes does not extend
   * it: the attempt fails with `timeout` when it passes, whatever the server does.
   * @defaultValue 5000
   */
  readonly timeoutMs?: number;
  /** Retries after a network error or a 5xx (never after a 4xx). @defaultValue 2 */
  readonly retries?: number;
  /** Delay before the first retry; it doubles on each further retry. @defaultValue 250 */
  readonly retryBackoffMs?: number;
  /** Longest delay between two retries. @defaultValue 5000 */
  readonly maxBackoffMs?: number;
  /**
   * Retry a beacon whose request timed out. Off by default: the server may have counted it.
   * @defaultValue false
   */
  readonly retryOnTimeout?: boolean;
  /** Send the `X-Device-*` headers of the beacon's request context. @defaultValue false */
  readonly ssaiHeaders?: boolean;
  /**
   * Extra headers sent with every beacon, to the beacon URL's own origin only: after a redirect
   * to another origin only the `User-Agent` and the SSAI `X-Device-*` headers (meant for every
   * hop) go on.
   * @defaultValue `{}`
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** The `User-Agent` of the beacon requests themselves. @defaultValue `'@vast/tracker'` */
  readonly userAgent?: string;
  /** The device context used for beacons that carry none. */
  readonly requestContext?: BeaconRequestContext;
  /** Most beacons in flight at once; more wait in a queue. @defaultValue 32 */
  readonly maxConcurrent?: number;
  /** Most beacons waiting; beyond that they are dropped with `queue-full`. @defaultValue 10000 */
  readonly maxQueued?: number;
  /**
   * The undici dispatcher the beacons go through, e.g. one whose connector refuses private
   * addresses (`createGuardedDispatcher` of `@vast/client`). The caller owns it: the transport
   * never closes it, so close it yourself after {@link HttpBeaconTransport.close}. When given,
   * `connectionsPerOrigin` and `keepAliveTimeoutMs` do not apply (they configure the transport's
   * own Agent) and the connect timeout is the dispatcher's.
   * @defaultValue an undici `Agent` of the transport's own, closed by `close()`
   */
  readonly dispatcher?: Dispatcher;
  /** Keep-alive connections per origin (of the transport's own Agent). @defaultValue 16 */
  readonly connectionsPerOrigin?: number;
  /**
   * How long an idle keep-alive connection stays open, in milliseconds (of the transport's own
   * Agent).
   * @defaultValue 4000
   */
  readonly keepAliveTimeoutMs?: number;
  /**
   * Redirects followed per beacon (pixels often redirect once); only to http or https URLs.
   * Beyond the cap the beacon fails with `http-status` and the last 3xx status.
   * @defaultValue 3
   */
  readonly maxRedirections?: number;
  /**
   * The clock for timeouts and backoff. Network time is real time: by default undici's own
   * connect, headers and body timeouts apply and backoff uses real timers. Pass a clock only in
   * tests that drive it (its sleeps then time the request out and space the retries).
   * @defaultValue real time
   */
  readonly time?: TimeProvider;
}

interface AttemptResult {
  readonly status?: number;
  readonly reason?: BeaconFailureReason;
  readonly message?: string;
  readonly retryable: boolean;
}

const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Errors that would happen again: bad arguments, and a connection refused by an SSRF guard
 * (`SSRF_BLOCKED`, the code of `@vast/client`'s `SsrfBlockedError`): the address stays refused.
 */
const NON_RETRYABLE_CODES: ReadonlySet<string> = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED', 'SSRF_BLOCKED']);

/** The SSAI headers of a device context. */
function deviceHeaders(context: BeaconRequestContext | undefined): Record<string, string> {
  if (context === undefined) return {};
  const headers: Record<string, string> = {};
  if (context.deviceIp !== undefined) headers['x-device-ip'] = context.deviceIp;
  if (context.deviceUserAgent !== undefined) headers['x-device-user-agent'] = context.deviceUserAgent;
  if (context.deviceReferer !== undefined) headers['x-device-referer'] = context.deviceReferer;
  if (context.deviceAcceptLanguage !== undefined) headers['x-device-accept-language'] = context.deviceAcceptLanguage;
  if (context.deviceRequestedWith !== undefined) headers['x-device-requested-with'] = context.deviceRequestedWith;
  return { ...headers, ...context.headers };
}

/**
 * Sends beacons over HTTP with undici: keep-alive connections pooled per origin, a timeout per
 * beacon, bounded retries with exponential backoff on network errors and 5xx only, SSAI
 * `X-Device-*` headers, a cap on concurrent requests, and `flush()`/`close()` that wait for every
 * beacon in flight. Only http and https URLs are called.
 *
 * @example
 * ```ts
 * const transport = new HttpBeaconTransport({ timeoutMs: 2000, retries: 2, ssaiHeaders: true });
 * const outcome = await transport.send(beacon);
 * if (outcome.kind === 'failed') console.warn(outcome.reason, outcome.message);
 * await transport.close();
 * ```
 */
export class HttpBeaconTransport implements BeaconTransport {
  /** The clock of backoff and of each attempt's deadline. */
  readonly #time: TimeProvider;
  readonly #dispatcher: Dispatcher;
  /** Whether the dispatcher is the transport's own (closed by `close()`). */
  readonly #ownsDispatcher: boolean;
  readonly #maxRedirections: number;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #backoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #retryOnTimeout: boolean;
  readonly #ssai: boolean;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #userAgent: string;
  readonly #context: BeaconRequestContext | undefined;
  readonly #maxConcurrent: number;
  readonly #maxQueued: number;
  readonly #pending = new Set<Promise<BeaconOutcome>>();
  readonly #waiting: (() => void)[] = [];
  #active = 0;
  #closed = false;
  #closing: Promise<void> | undefined;
  readonly #deadlines: AttemptDeadlines;

  /**
   * @param options - timeouts, retries, headers, concurrency and pool settings
   */
  constructor(options: HttpBeaconTransportOptions = {}) {
    this.#time = options.time ?? new RealtimeTimeProvider();
    this.#timeoutMs = options.timeoutMs ?? 5000;
    this.#retries = options.retries ?? 2;
    this.#backoffMs = options.retryBackoffMs ?? 250;
    this.#maxBackoffMs = options.maxBackoffMs ?? 5000;
    this.#retryOnTimeout = options.retryOnTimeout ?? false;
    this.#ssai = options.ssaiHeaders ?? false;
    this.#userAgent = options.userAgent ?? '@vast/tracker';
    this.#headers = { 'user-agent': this.#userAgent, ...options.headers };
    this.#context = options.requestContext;
    this.#maxConcurrent = options.maxConcurrent ?? 32;
    this.#maxQueued = options.maxQueued ?? 10_000;
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#dispatcher =
      options.dispatcher ??
      new Agent({
        connections: options.connectionsPerOrigin ?? 16,
        keepAliveTimeout: options.keepAliveTimeoutMs ?? 4000,
        pipelining: 1,
        connect: { timeout: this.#timeoutMs },
      });
    this.#maxRedirections = options.maxRedirections ?? 3;
    this.#deadlines = new AttemptDeadlines(this.#time, this.#timeoutMs);
  }

  /** Beacons being sent right now. */
  get inFlight(): number {
    return this.#active;
  }

  /** Beacons waiting for a free slot. */
  get queued(): number {
    return this.#waiting.length;
  }

  /**
   * Sends one beacon, retrying as configured.
   * @param beacon - the beacon
   * @param signal - aborts waiting, sending and backoff (`failed` with `aborted`)
   * @returns `sent` with the status, `failed` with the reason, or `dropped` (non-http URL,
   *   closed transport, full queue)
   */
  send(beacon: Beacon, signal?: AbortSignal): Promise<BeaconOutcome> {
    if (this.#closed) {
      return Promise.resolve({ kind: 'dropped', beacon, reason: 'transport-closed', message: 'the transport is closed' });
    }
    const url = parseBeaconUrl(beacon);
    if (!(url instanceof URL)) return Promise.resolve(url);
    if (this.#active >= this.#maxConcurrent && this.#waiting.length >= this.#maxQueued) {
      return Promise.resolve({
        kind: 'dropped',
        beacon,
        reason: 'queue-full',
        message: `${this.#waiting.length} beacons already waiting`,
      });
    }
    const run = this.#run(beacon, url, signal);
    this.#pending.add(run);
    void run.finally(() => this.#pending.delete(run));
    return run;
  }

  /**
   * Waits until every beacon handed over so far (and any sent meanwhile) has an outcome.
   * @returns when nothing is in flight or queued
   */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  /**
   * Stops taking beacons, waits for those in flight or queued, then closes the connections of
   * the transport's own Agent. A dispatcher passed in `options.dispatcher` is left open.
   * @returns when everything is settled and closed
   */
  close(): Promise<void> {
    // Idempotent: a second call waits for the same close (undici refuses to close a pool twice).
    this.#closing ??= (async () => {
      this.#closed = true;
      await this.flush();
      this.#deadlines.close();
      if (this.#ownsDispatcher) await this.#dispatcher.close();
    })();
    return this.#closing;
  }

  async #run(beacon: Beacon, url: URL, signal: AbortSignal | undefined): Promise<BeaconOutcome> {
    if (!(await this.#acquire(signal))) {
      return { kind: 'failed', beacon, reason: 'aborted', message: 'aborted by the caller while queued', attempts: 0 };
    }
    try {
      return await this.#deliver(beacon, url, signal);
    } finally {
      this.#release();
    }
  }

  /** Takes a slot; false when the signal aborts first (the beacon then leaves the queue). */
  #acquire(signal: AbortSignal | undefined): Promise<boolean> {
    if (this.#active < this.#maxConcurrent) {
      this.#active++;
      return Promise.resolve(true);
    }
    if (signal?.aborted === true) return Promise.resolve(false);
    return new Promise((resolve) => {
      const take = (): void => {
        signal?.removeEventListener('abort', leave);
        resolve(true);
      };
      const leave = (): void => {
        const index = this.#waiting.indexOf(take);
        if (index >= 0) this.#waiting.splice(index, 1);
        resolve(false);
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.#waiting.push(take);
    });
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#active--;
    else next();
  }

  async #deliver(beacon: Beacon, url: URL, signal: AbortSignal | undefined): Promise<BeaconOutcome> {
    const context = this.#ssai ? (beacon.requestContext ?? this.#context) : undefined;
    const headers = context === undefined ? this.#headers : { ...this.#headers, ...deviceHeaders(context) };
    let attempts = 0;
    let delay = this.#backoffMs;
    for (;;) {
      if (signal?.aborted === true) {
        return { kind: 'failed', beacon, reason: 'aborted', message: 'aborted by the caller', attempts };
      }
      attempts++;
      const result = await this.#attempt(url, headers, signal);
      if (result.reason === undefined) {
        return { kind: 'sent', beacon, status: result.status ?? 0, attempts };
      }
      if (!result.retryable || attempts > this.#retries) {
        return {
          kind: 'failed',
          beacon,
          reason: result.reason,
          message: result.message ?? result.reason,
          ...(result.status === undefined ? {} : { status: result.status }),
          attempts,
        };
      }
      try {
        await this.#time.sleep(delay, signal);
      } catch {
        return { kind: 'failed', beacon, reason: 'aborted', message: 'aborted by the caller during backoff', attempts };
      }
      delay = Math.min(delay * 2, this.#maxBackoffMs);
    }
  }

  /** One attempt, redirects included, settled by its deadline whatever the server does. */
  #attempt(url: URL, headers: Readonly<Record<string, string>>, signal: AbortSignal | undefined): Promise<AttemptResult> {
    // undici takes an EventEmitter as a signal: lighter than an AbortController per beacon.
    const abort = new AttemptAbort();
    return new Promise<AttemptResult>((resolve) => {
      const stop = this.#deadlines.start(() => {
        const timeout: AttemptResult = { reason: 'timeout', message: `no answer within ${this.#timeoutMs} ms`, retryable: this.#retryOnTimeout };
        abort.abort(new Error(timeout.message));
        resolve(timeout);
      });
      const onAbort = (): void => abort.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      void this.#request(url, headers, signal, abort).then((result) => {
        stop();
        signal?.removeEventListener('abort', onAbort);
        resolve(result);
      });
    });
  }

  async #request(
    url: URL,
    headers: Readonly<Record<string, string>>,
    signal: AbortSignal | undefined,
    abort: AttemptAbort,
  ): Promise<AttemptResult> {
    try {
      let target = url;
      let sent = headers;
      let status = 0;
      for (let hop = 0; ; hop++) {
        const response = await this.#dispatcher.request({
          origin: target.origin,
          path: `${target.pathname}${target.search}`,
          method: 'GET',
          headers: sent,
          signal: abort,
          headersTimeout: this.#timeoutMs,
          bodyTimeout: this.#timeoutMs,
        });
        // undici's own limit (128 KiB): past it the socket is dropped rather than read.
        // The request's signal aborts the body too, so a dripping body ends with the deadline.
        await response.body.dump({ limit: 128 * 1024 });
        status = response.statusCode;
        const location = response.headers.location;
        if (!REDIRECTS.has(status) || typeof location !== 'string') break;
        if (hop >= this.#maxRedirections) {
          return { status, reason: 'http-status', message: `more than ${this.#maxRedirections} redirects`, retryable: false };
        }
        const next = URL.canParse(location, target.href) ? new URL(location, target) : undefined;
        if (next === undefined || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
          return { status, reason: 'http-status', message: `redirect to a non-http URL refused: ${location}`, retryable: false };
        }
        // The transport's headers are for the beacon's own origin; device headers go everywhere.
        if (next.origin !== target.origin) sent = this.#crossOrigin(sent);
        target = next;
      }
      if (status >= 500) return { status, reason: 'http-status', message: `HTTP ${status}`, retryable: true };
      if (status >= 400) return { status, reason: 'http-status', message: `HTTP ${status}`, retryable: false };
      return { status, retryable: false };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const codeText = typeof code === 'string' ? code : 'ERROR';
      if (TIMEOUT_CODES.has(codeText)) {
        return { reason: 'timeout', message: `no answer within ${this.#timeoutMs} ms`, retryable: this.#retryOnTimeout };
      }
      if (signal?.aborted === true) return { reason: 'aborted', message: 'aborted by the caller', retryable: false };
      const message = error instanceof Error ? error.message : String(error);
      return { reason: 'network', message: `${codeText}: ${message}`, retryable: !NON_RETRYABLE_CODES.has(codeText) };
    }
  }

  /** The headers that follow a redirect to another origin: user agent and device headers. */
  #crossOrigin(headers: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
    const kept: Record<string, string> = { 'user-agent': headers['user-agent'] ?? this.#userAgent };
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase().startsWith('x-device-')) kept[name] = value;
    }
    return kept;
  }
}
