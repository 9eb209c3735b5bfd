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
   * Time allowed for one fetch (connect, redirects, headers and the whole body), in milliseconds.
   * Past it the request is aborted, its socket destroyed, and the ad fails with 301.
   * @defaultValue 4000
   */
  readonly hopTimeoutMs?: number;
  /**
   * Time allowed for one `get` or `resolve` call, all hops together (Error pixels excluded).
   * Requests still running when it ends are aborted and fail with 301.
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
   * Connections per origin in the client's pool.
   * @defaultValue 64
   */
  readonly connectionsPerOrigin?: number;
  /**
   * Headers sent with every ad request (per-call headers override them).
   * @defaultValue `{}`
   */
  readonly headers?: Readonly<Record<string, string>>;
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
  /** Headers for this call's ad requests, over the client's `headers`. */
  readonly headers?: Readonly<Record<string, string>>;
}
