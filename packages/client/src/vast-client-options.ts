import type { ParseVastOptions } from '@vast/parser';
import type { TimeProvider } from '@vast/time';
import type { BeaconTransport, MacroExpander, MacroValue } from '@vast/tracker';
import type { DnsLookup } from './guarded-connector.js';
import type { SsrfGuardOptions } from './ssrf-guard.js';

/**
 * Options of `new VastClient(options)`. Every field is optional; the defaults follow what players
 * users know do (IMA, vast-client-js) and the VAST spec.
 */
export interface VastClientOptions extends SsrfGuardOptions {
  /**
   * The clock for timeouts, budgets and durations.
   * @defaultValue a `RealtimeTimeProvider` from `@vast/time`
   */
  readonly time?: TimeProvider;
  /**
   * Time allowed for one fetch (connect, redirects, headers and the whole body), in milliseconds,
   * from the moment it has a connection slot (waiting for one is bounded by `chainTimeoutMs`).
   * Past it the call stops waiting for the request, which is aborted, and the ad fails with 301.
   * @defaultValue 4000
   */
  readonly hopTimeoutMs?: number;
  /**
   * Time allowed for one `get` or `resolve` call, all hops together, waiting for connection
   * slots included. Requests still running or waiting when it ends are aborted and fail with 301;
   * the call returns by then, even if Error pixels are still in flight (see
   * `VastResolution.pendingErrorPixels`).
   * @defaultValue 8000
   */
  readonly chainTimeoutMs?: number;
  /**
   * Largest response body, in bytes, counted while it streams; a bigger one is aborted (301).
   * @defaultValue 1048576 (1 MiB)
   */
  readonly maxResponseBytes?: number;
  /**
   * HTTP redirects followed per fetch; every hop is checked (scheme, SSRF guard).
   * @defaultValue 3
   */
  readonly maxRedirects?: number;
  /**
   * Wrappers followed in one chain before giving up with 302 (the spec asks players to allow at
   * least 5).
   * @defaultValue 5
   */
  readonly maxWrapperDepth?: number;
  /**
   * Requests in flight per origin. More wait in the client's own queue, where later hops of a
   * chain go before new first hops, a request whose budget ends leaves without opening a socket,
   * and a first hop that cannot be served within its budget is refused at once (the call's result
   * says `overloaded`). See the overload section of `docs/client.md`.
   * @defaultValue 64
   */
  readonly connectionsPerOrigin?: number;
  /**
   * A request in flight longer than this counts as slow and gives its origin's slot to the next
   * request (within `maxSlowRequests`), so that hung requests cannot hold every connection of
   * an origin. It keeps running until its own deadline.
   * @defaultValue 200 (or `hopTimeoutMs` when that is shorter): an ad server answers in tens of
   *   milliseconds, so a request still running at 200 ms is one to stop waiting on
   */
  readonly slowRequestMs?: number;
  /**
   * Slow requests, all origins together, that may run outside their origin's slots (each holds a
   * socket: keep it under the process's file descriptor limit).
   * @defaultValue 1024
   */
  readonly maxSlowRequests?: number;
  /**
   * Requests waiting for a slot, all origins together; past it new requests are refused as
   * overloaded at once.
   * @defaultValue 100000
   */
  readonly maxQueuedRequests?: number;
  /**
   * Wrappers of one response that are followed (`VASTAdTagURI`); the others are left out with a
   * `fan-out-limit` warning that counts them. Inline ads cost no request and are all kept.
   * @defaultValue 10
   */
  readonly maxWrappersPerResponse?: number;
  /**
   * Ad requests one `get` or `resolve` call may make, all branches together (HTTP redirects
   * within a fetch not counted); wrappers beyond are not followed, and a `request-limit` warning
   * counts them.
   * @defaultValue 30
   */
  readonly maxRequestsPerResolution?: number;
  /**
   * Error pixels one call may fire; the others are not fired, and an `error-pixel-limit` warning
   * counts them.
   * @defaultValue 20
   */
  readonly maxErrorPixels?: number;
  /**
   * Headers for the ad tag's own origin only: credentials, API keys. They go with requests to
   * the origin of the URL given to `get` (wrappers on that origin included), never to another
   * origin, to Error pixels or after a redirect to another origin. Per-call `headers` override
   * them. `resolve()` has no ad tag, so they are not sent there.
   * @defaultValue `{}`
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Headers meant for every hop of a chain, whatever its origin, and for Error pixels: for example
   * the SSAI device headers `X-Device-IP` and `X-Device-User-Agent`. Per-call `forwardedHeaders`
   * override them. `Authorization`, `Cookie` and `Proxy-Authorization` are still dropped after an
   * HTTP redirect to another origin; never put credentials here.
   * @defaultValue `{}`
   */
  readonly forwardedHeaders?: Readonly<Record<string, string>>;
  /**
   * The `User-Agent` of the client's own requests.
   * @defaultValue `'@vast/client'`
   */
  readonly userAgent?: string;
  /**
   * The DNS lookup used to resolve host names (`dns.lookup` shape, called with `all: true`);
   * its answers go through the SSRF guard before any socket connects.
   * @defaultValue `dns.lookup`
   */
  readonly lookup?: DnsLookup;
  /**
   * Parse strictly: a missing required element or unreadable value fails the document with 101
   * instead of becoming a warning.
   * @defaultValue false
   */
  readonly strict?: boolean;
  /**
   * The parser's limits and strictness for every document: pass the resolved config's `parser`
   * options (`ConfigResolver` of `@vast/config`) as they are. `maxDepth` bounds the element
   * nesting (deeper documents fail with 100), `maxAds` the ads read from one document (the rest
   * are left out with a warning); `strict` here wins over the top-level `strict`.
   * @defaultValue the parser's defaults: `maxDepth` 64, `maxAds` 32
   */
  readonly parser?: Pick<ParseVastOptions, 'strict' | 'maxDepth' | 'maxAds'>;
  /**
   * Macro values for every ad tag URL and Error pixel (per-call macros override them).
   * @defaultValue `{}`
   */
  readonly macros?: Readonly<Record<string, MacroValue>>;
  /**
   * The expander of `@vast/tracker` that fills ad tag URLs and Error pixels (pass one configured
   * with a provider's macro syntax and static values).
   * @defaultValue `new MacroExpander({ time })`
   */
  readonly macroExpander?: MacroExpander;
  /**
   * Where Error pixels go. The default is an `HttpBeaconTransport` of `@vast/tracker` over the
   * client's own guarded pool (SSRF guard, http and https only, `maxRedirects`, `hopTimeoutMs` per
   * request, `errorPixelRetries`), the one `client.createBeaconTransport()` builds. Pass a
   * `RecordingBeaconTransport` to record them instead. A transport of your own is covered by the
   * SSRF guard only if it sends through a guarded dispatcher (`createGuardedDispatcher`).
   * @defaultValue the client's guarded `HttpBeaconTransport`
   */
  readonly errorPixelTransport?: BeaconTransport;
  /**
   * Retries of an Error pixel after a network error or a 5xx, with the default transport (a
   * refused address, a 4xx or a timeout is never retried). `get` and `resolve` wait for the
   * pixels, so retries lengthen a failed resolution by their backoff (250 ms, then doubling).
   * @defaultValue 0
   */
  readonly errorPixelRetries?: number;
  /**
   * Fire the Error pixels of failed chains. When false the result still lists the failures.
   * @defaultValue true
   */
  readonly fireErrorPixels?: boolean;
}

/** Options of one `VastClient.get` or `VastClient.resolve` call. */
export interface VastRequestOptions {
  /** Cancels the call: it rejects with the signal's reason and every request in flight stops. */
  readonly signal?: AbortSignal;
  /** Macro values for this call, over the client's `macros`. */
  readonly macros?: Readonly<Record<string, MacroValue>>;
  /** Headers for the ad tag's origin only, over the client's `headers` (see there). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Headers for every hop of this call, over the client's `forwardedHeaders` (see there). Error
   * pixels carry only the client's `forwardedHeaders`. */
  readonly forwardedHeaders?: Readonly<Record<string, string>>;
}
