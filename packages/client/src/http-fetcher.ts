import type { TimeProvider } from '@vast/time';
import type { Agent, Dispatcher } from 'undici';
import { DeadlineScheduler, type HopSignal } from './deadline.js';
import { FetchError } from './fetch-error.js';
import type { DnsLookup } from './guarded-connector.js';
import { guardedAgent } from './guarded-dispatcher.js';
import { HopScheduler, OverloadedError, type HopSlot } from './hop-scheduler.js';
import { SsrfBlockedError } from './ssrf-blocked-error.js';
import type { SsrfGuard } from './ssrf-guard.js';

/** Settings of an {@link HttpFetcher}, already validated. @internal */
export interface HttpFetcherSettings {
  readonly time: TimeProvider;
  readonly guard: SsrfGuard;
  readonly lookup?: DnsLookup | undefined;
  readonly hopTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxRedirects: number;
  readonly connectionsPerOrigin: number;
  readonly maxSlowRequests: number;
  readonly slowRequestMs: number;
  readonly maxQueuedRequests: number;
  /** Headers of every request (user agent, headers declared forwardable). */
  readonly headers: Readonly<Record<string, string>>;
}

/** Headers that go only to one origin: the ad tag's. @internal */
export interface OriginHeaders {
  readonly origin: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** One fetch: the caller's signal, what is left of the chain's budget and extra headers. @internal */
export interface FetchRequest {
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds left of the chain's time budget: the hop's timer is the shorter of this and the
   * hop timeout, and runs out as `budget` when this is the shorter. */
  readonly budgetMs?: number | undefined;
  /** Extra headers for every request of this fetch, redirects included. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Headers sent only while the request stays on their origin (dropped for good after a
   * redirect away from it). */
  readonly originHeaders?: OriginHeaders | undefined;
  /** The wrapper depth: deeper hops are served before new first hops when an origin is busy. */
  readonly depth?: number | undefined;
}

/** A fetched document. @internal */
export interface FetchedDocument {
  /** The URL requested. */
  readonly url: string;
  /** The URL the body came from, after redirects. */
  readonly finalUrl: string;
  /** The URLs redirected through, in order (empty without redirects). */
  readonly redirects: readonly string[];
  readonly status: number;
  readonly body: string;
  /** Body bytes as received. */
  readonly bytes: number;
  /** From the request to the last body byte, redirects included, on the injected clock. */
  readonly durationMs: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The client's HTTP layer: one undici `Agent` (a pool per origin) whose sockets connect only to
 * addresses the SSRF guard allows; per-hop timeout, byte cap counted while streaming, redirects
 * followed by hand so that every hop is checked, http and https only.
 *
 * @internal
 */
export class HttpFetcher {
  readonly #settings: HttpFetcherSettings;
  readonly #agent: Agent;
  readonly #deadlines: DeadlineScheduler;
  /** Deadlines of requests waiting for a slot, apart so the hop deadlines stay in order. */
  readonly #waits: DeadlineScheduler;
  readonly #scheduler: HopScheduler;
  readonly #timeoutMessage: string;
  #opened = 0;

  constructor(settings: HttpFetcherSettings) {
    this.#settings = settings;
    this.#deadlines = new DeadlineScheduler(settings.time);
    this.#waits = new DeadlineScheduler(settings.time);
    this.#timeoutMessage = `Timed out after ${settings.hopTimeoutMs} ms`;
    this.#scheduler = new HopScheduler(settings);
    this.#agent = guardedAgent({
      guard: settings.guard,
      lookup: settings.lookup,
      connectTimeoutMs: settings.hopTimeoutMs,
      // Slow requests leave their origin's slot: the pool has room for them beside the others.
      connectionsPerOrigin: settings.connectionsPerOrigin + settings.maxSlowRequests,
      onConnect: () => this.#opened++,
    });
  }

  /** Connections opened so far (sockets connected), for telemetry and tests. */
  get connectionsOpened(): number {
    return this.#opened;
  }

  /** Requests waiting for a connection slot. */
  get queued(): number {
    return this.#scheduler.queued;
  }

  /** The guarded dispatcher, shared with the beacon transport. */
  get dispatcher(): Dispatcher {
    return this.#agent;
  }

  /**
   * Fetches `url` with GET, following up to `maxRedirects` redirects.
   *
   * @throws FetchError for every failure but the caller's own abort, which rethrows its reason
   */
  async fetch(url: string, request: FetchRequest = {}): Promise<FetchedDocument> {
    const { time, hopTimeoutMs, maxRedirects } = this.#settings;
    request.signal?.throwIfAborted();
    let current = parseHttpUrl(url);
    const budgetMs = request.budgetMs ?? Number.POSITIVE_INFINITY;
    if (budgetMs <= 0) throw budgetError(url, undefined);
    const started = time.monotonic();
    const depth = request.depth ?? 0;
    // Waiting for a connection is bounded by the chain's budget; the hop's own timer starts once
    // the request has one.
    let slot = this.#scheduler.tryAcquire(current.origin);
    if (slot === undefined) slot = await this.#wait(current, depth, started, budgetMs, request);
    const left = budgetMs - (time.monotonic() - started);
    const byBudget = left < hopTimeoutMs;
    const deadline = this.#deadlines.start(byBudget ? left : hopTimeoutMs, this.#timeoutMessage, request.signal);
    const deadlineAt = time.monotonic() + (byBudget ? left : hopTimeoutMs);
    const redirects: string[] = [];
    /** URLs requested so far, made at the first redirect. */
    let seen: Set<string> | undefined;
    const scoped = request.originHeaders;
    let base = request.headers === undefined ? this.#settings.headers : { ...this.#settings.headers, ...request.headers };
    let onOrigin = scoped !== undefined && scoped.origin === current.origin;
    const headersFor = (): Readonly<Record<string, string>> => (onOrigin && scoped !== undefined ? { ...base, ...scoped.headers } : base);
    try {
      for (;;) {
        const response = await this.#request(current, headersFor(), deadline.signal, slot);
        const location = response.headers.location;
        if (REDIRECT_STATUSES.has(response.statusCode) && typeof location === 'string') {
          await response.body.dump();
          const next = parseHttpUrl(location, current);
          (seen ??= new Set()).add(current.href);
          if (seen.has(next.href)) throw new FetchError('redirect-loop', next.href, `Redirect loop back to ${next.href}`);
          if (redirects.length >= maxRedirects) {
            throw new FetchError('too-many-redirects', next.href, `More than ${maxRedirects} redirects from ${url}`);
          }
          redirects.push(next.href);
          if (next.origin !== current.origin) {
            onOrigin = false;
            base = withoutCredentials(base);
          }
          current = next;
          slot = this.#scheduler.tryAcquire(current.origin) ?? (await this.#scheduler.wait(current.origin, depth, deadlineAt, deadline.signal));
          continue;
        }
        if (response.statusCode < 200 || response.statusCode > 299) {
          await response.body.dump();
          throw new FetchError('http-status', current.href, `HTTP ${response.statusCode} from ${current.href}`, {
            status: response.statusCode,
          });
        }
        const { body, bytes } = await this.#readBody(current.href, response);
        return {
          url,
          finalUrl: current.href,
          redirects,
          status: response.statusCode,
          body,
          bytes,
          durationMs: time.monotonic() - started,
        };
      }
    } catch (error) {
      throw this.#failure(error, current.href, deadline.expired(), byBudget, request);
    } finally {
      deadline.dispose();
    }
  }

  /** Waits in the scheduler's queue for a slot, within the chain's budget. */
  async #wait(url: URL, depth: number, started: number, budgetMs: number, request: FetchRequest): Promise<HopSlot> {
    const waiting = this.#waits.start(budgetMs, this.#timeoutMessage, request.signal);
    try {
      return await this.#scheduler.wait(url.origin, depth, started + budgetMs, waiting.signal);
    } catch (error) {
      throw this.#failure(error, url.href, waiting.expired(), true, request);
    } finally {
      waiting.dispose();
    }
  }

  /** Closes idle sockets and waits for requests in flight. */
  async close(): Promise<void> {
    await this.#agent.close();
    this.#scheduler.close();
  }

  /** Destroys every socket at once, failing requests in flight. */
  destroy(): Promise<void> {
    return this.#agent.destroy();
  }

  /**
   * One request on its slot. The slot is held until undici is done with the request (its body
   * closed, or the request failed), but the returned promise settles when the deadline fires even
   * if undici has not dispatched the request yet: undici only acts on an abort when it dequeues.
   */
  #request(
    url: URL,
    headers: Readonly<Record<string, string>>,
    signal: HopSignal,
    slot: HopSlot,
  ): Promise<Dispatcher.ResponseData> {
    const pending = this.#agent.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      signal,
    });
    return new Promise((resolve, reject) => {
      let settled = false;
      const onAbort = (): void => {
        if (settled) return;
        settled = true;
        // The deadline's TimeoutError or the caller's reason, passed on as is.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(signal.reason);
      };
      if (signal.aborted) onAbort();
      else signal.once('abort', onAbort);
      pending.then(
        (response) => {
          response.body.once('close', () => slot.release());
          signal.removeListener('abort', onAbort);
          if (settled) {
            response.body.on('error', () => undefined).destroy();
            return;
          }
          settled = true;
          resolve(response);
        },
        (error: unknown) => {
          slot.release();
          signal.removeListener('abort', onAbort);
          if (settled) return;
          settled = true;
          // undici's error, passed on as is.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          reject(error);
        },
      );
    });
  }

  #readBody(url: string, response: Dispatcher.ResponseData): Promise<{ body: string; bytes: number }> {
    const cap = this.#settings.maxResponseBytes;
    const stream = response.body;
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) {
      stream.on('error', () => undefined).destroy();
      return Promise.reject(tooLarge(url, cap));
    }
    // Listeners rather than an async iterator (a promise per chunk); a body in one chunk is
    // decoded straight from it, without a copy.
    return new Promise((resolve, reject) => {
      let first: Buffer | undefined;
      let chunks: Buffer[] | undefined;
      let bytes = 0;
      let settled = false;
      // Once settled, the stream has ended or is destroyed: its listeners go with it.
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        bytes += chunk.length;
        if (bytes > cap) {
          settled = true;
          stream.on('error', () => undefined).destroy();
          reject(tooLarge(url, cap));
          return;
        }
        if (first === undefined) first = chunk;
        else (chunks ??= [first]).push(chunk);
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        const whole = chunks === undefined ? first : Buffer.concat(chunks, bytes);
        resolve({ body: whole === undefined ? '' : whole.toString('utf8'), bytes });
      });
      stream.on('error', (error) => {
        if (settled) return;
        settled = true;
        reject(error);
      });
      stream.on('close', () => {
        if (settled) return;
        settled = true;
        reject(new Error('The response body closed before its end'));
      });
    });
  }

  #failure(error: unknown, url: string, expired: boolean, byBudget: boolean, request: FetchRequest): unknown {
    if (error instanceof FetchError) return error;
    if (request.signal?.aborted === true) return request.signal.reason;
    if (error instanceof OverloadedError) return new FetchError('overloaded', url, error.message, { cause: error });
    if (expired && byBudget) return budgetError(url, error);
    if (expired) {
      return new FetchError('timeout', url, `No complete response from ${url} within ${this.#settings.hopTimeoutMs} ms`, {
        cause: error,
      });
    }
    const blocked = findCause(error, SsrfBlockedError);
    if (blocked !== undefined) return new FetchError('blocked', url, blocked.message, { cause: blocked });
    const message = error instanceof Error ? error.message : String(error);
    return new FetchError('network', url, `Could not fetch ${url}: ${message}`, { cause: error });
  }
}

function tooLarge(url: string, cap: number): FetchError {
  return new FetchError('too-large', url, `Response from ${url} is larger than ${cap} bytes`);
}

function budgetError(url: string, cause: unknown): FetchError {
  return new FetchError('budget', url, `The chain's time budget ran out while fetching ${url}`, { cause });
}

function parseHttpUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (error) {
    throw new FetchError('invalid-url', text, `Not a valid URL: ${JSON.stringify(text)}`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('unsupported-scheme', url.href, `Only http and https URLs are fetched, not ${url.protocol}`);
  }
  return url;
}

const CROSS_ORIGIN_STRIPPED = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** Credentials never follow a redirect to another origin, even in headers declared forwardable. */
function withoutCredentials(headers: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  if (!Object.keys(headers).some((name) => CROSS_ORIGIN_STRIPPED.has(name.toLowerCase()))) return headers;
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CROSS_ORIGIN_STRIPPED.has(name.toLowerCase())));
}

function findCause<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof type) return current;
    current = current.cause;
  }
  return undefined;
}
