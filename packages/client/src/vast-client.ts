import { parseVast, type ParseVastOptions, type VastDocument, type VastErrorCode } from '@vast/parser';
import { RealtimeTimeProvider, type TimeProvider } from '@vast/time';
import {
  HttpBeaconTransport,
  MacroExpander,
  type Beacon,
  type BeaconOutcome,
  type BeaconTransport,
  type HttpBeaconTransportOptions,
  type MacroValue,
} from '@vast/tracker';
import { ChainResolver, type ErrorPixelLevel, type ResolverServices } from './chain-resolver.js';
import { VastClientConfigError } from './client-config-error.js';
import { HttpFetcher } from './http-fetcher.js';
import { SsrfGuard } from './ssrf-guard.js';
import type { VastClientEventMap, VastClientEventName, VastClientListener } from './vast-client-events.js';
import type { VastClientOptions, VastRequestOptions } from './vast-client-options.js';
import type { ErrorPixel, VastResolution } from './vast-resolution.js';

interface Limits {
  readonly hopTimeoutMs: number;
  readonly chainTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxRedirects: number;
  readonly maxWrapperDepth: number;
  readonly connectionsPerOrigin: number;
  readonly maxWrappersPerResponse: number;
  readonly maxRequestsPerResolution: number;
  readonly maxErrorPixels: number;
}

type Listeners = { [E in VastClientEventName]: Set<VastClientListener<E>> };

/**
 * Fetches VAST ad tags and resolves their wrapper chains safely on a server: one undici pool per
 * client; per-hop timeout and whole-chain budget; response byte cap; redirect cap; http and https
 * only; an SSRF guard checked against the address each socket connects to. Each inline ad comes
 * back with the tracking of every wrapper above it merged in, the chain it came through and the
 * warnings; failures carry their IAB code and fire the Error pixels of every level reached.
 *
 * @example
 * ```ts
 * import { VastClient } from '@vast/client';
 *
 * const client = new VastClient({ hopTimeoutMs: 2000 });
 * const result = await client.get('https://ads.example.com/vast?cb=[CACHEBUSTING]', {
 *   macros: { DEVICEIP: '203.0.113.7' },
 * });
 * if (result.error) console.warn(result.error.code, result.error.message);
 * for (const { ad, chain } of result.ads) console.log(ad.id, chain.length, ad.impressions.length);
 * await client.close();
 * ```
 */
export class VastClient {
  readonly #time: TimeProvider;
  readonly #limits: Limits;
  readonly #parseOptions: ParseVastOptions;
  readonly #macros: Readonly<Record<string, MacroValue>>;
  readonly #expander: MacroExpander;
  readonly #fetcher: HttpFetcher;
  readonly #transport: BeaconTransport;
  readonly #ownTransport: boolean;
  readonly #firePixels: boolean;
  readonly #headers: Readonly<Record<string, string>> | undefined;
  readonly #listeners: Listeners = { resolving: new Set(), resolved: new Set(), error: new Set(), warning: new Set() };
  #beaconId = 0;
  /** The services of calls without per-call macros, built once. */
  #defaultServices: ResolverServices | undefined;

  /**
   * @param options - limits, SSRF allowances, clock, macros and Error pixel transport
   * @throws {@link VastClientConfigError} when an option is out of range or malformed (the error
   *   names the option and the value)
   */
  constructor(options: VastClientOptions = {}) {
    this.#time = options.time ?? new RealtimeTimeProvider();
    this.#limits = {
      hopTimeoutMs: positive('hopTimeoutMs', options.hopTimeoutMs, 4000),
      chainTimeoutMs: positive('chainTimeoutMs', options.chainTimeoutMs, 8000),
      maxResponseBytes: integer('maxResponseBytes', options.maxResponseBytes, 1024 * 1024, 1),
      maxRedirects: integer('maxRedirects', options.maxRedirects, 3, 0),
      maxWrapperDepth: integer('maxWrapperDepth', options.maxWrapperDepth, 5, 0),
      connectionsPerOrigin: integer('connectionsPerOrigin', options.connectionsPerOrigin, 64, 1),
      maxWrappersPerResponse: integer('maxWrappersPerResponse', options.maxWrappersPerResponse, 10, 0),
      maxRequestsPerResolution: integer('maxRequestsPerResolution', options.maxRequestsPerResolution, 30, 1),
      maxErrorPixels: integer('maxErrorPixels', options.maxErrorPixels, 20, 0),
    };
    this.#headers = options.headers;
    const forwarded = { 'user-agent': options.userAgent ?? '@vast/client', ...options.forwardedHeaders };
    this.#parseOptions = {
      ...options.parser,
      strict: options.parser?.strict ?? options.strict ?? false,
      maxBytes: this.#limits.maxResponseBytes,
    };
    this.#macros = options.macros ?? {};
    this.#expander = options.macroExpander ?? new MacroExpander({ time: this.#time });
    this.#firePixels = options.fireErrorPixels ?? true;
    this.#fetcher = new HttpFetcher({
      time: this.#time,
      guard: new SsrfGuard(options),
      lookup: options.lookup,
      hopTimeoutMs: this.#limits.hopTimeoutMs,
      maxResponseBytes: this.#limits.maxResponseBytes,
      maxRedirects: this.#limits.maxRedirects,
      connectionsPerOrigin: this.#limits.connectionsPerOrigin,
      slowRequestMs: positive('slowRequestMs', options.slowRequestMs, Math.min(200, this.#limits.hopTimeoutMs)),
      maxSlowRequests: integer('maxSlowRequests', options.maxSlowRequests, 1024, 0),
      maxQueuedRequests: integer('maxQueuedRequests', options.maxQueuedRequests, 100_000, 0),
      headers: forwarded,
    });
    const pixelRetries = integer('errorPixelRetries', options.errorPixelRetries, 0, 0);
    this.#ownTransport = options.errorPixelTransport === undefined;
    this.#transport =
      options.errorPixelTransport ??
      this.createBeaconTransport({
        timeoutMs: this.#limits.hopTimeoutMs,
        retries: pixelRetries,
        maxRedirections: this.#limits.maxRedirects,
        userAgent: options.userAgent ?? '@vast/client',
        ...(options.forwardedHeaders === undefined ? {} : { headers: options.forwardedHeaders }),
      });
  }

  /**
   * Fetches an ad tag and resolves it: macros in the URL are expanded, wrapper chains followed
   * (up to `maxWrapperDepth`, loops refused), tracking merged, Error pixels fired for failures.
   * VAST failures do not reject: they are in `result.error` and `result.failures` with their IAB
   * code (100, 101, 102, 300, 301, 302, 303).
   *
   * @param url - the ad tag URL (http or https), macros allowed
   * @param options - cancellation, per-call macros and headers
   * @returns what to play, the buffet, failures, fired Error pixels and warnings
   * @throws the signal's reason when `options.signal` aborts
   * @example
   * ```ts
   * const { ads, error } = await client.get('https://ads.example.com/tag.xml');
   * ```
   */
  get(url: string, options: VastRequestOptions = {}): Promise<VastResolution> {
    return this.#start(options).get(url);
  }

  /**
   * Resolves a VAST document the caller already has (a model, or its XML): wrappers in it are
   * fetched and followed like `get` does.
   *
   * @param document - a parsed `VastDocument`, or VAST XML as text or UTF-8 bytes
   * @param options - cancellation, per-call macros and headers
   * @returns as {@link VastClient.get}
   * @throws the signal's reason when `options.signal` aborts
   */
  resolve(document: VastDocument | string | Uint8Array, options: VastRequestOptions = {}): Promise<VastResolution> {
    return this.#start(options).resolve(document);
  }

  /**
   * Parses VAST XML with the client's settings (strictness, byte cap), without any I/O.
   *
   * @param xml - the document as text or UTF-8 bytes
   * @returns the parsed document
   * @throws `VastError` 100 (not XML, too large), 101 (schema, in strict mode) or 102 (version)
   */
  parse(xml: string | Uint8Array): VastDocument {
    return parseVast(xml, this.#parseOptions);
  }

  /**
   * Subscribes to a telemetry event. A listener that throws does not disturb resolution.
   *
   * @param name - `resolving`, `resolved`, `error` or `warning`
   * @param listener - called with the event
   * @returns a function that unsubscribes
   */
  on<E extends VastClientEventName>(name: E, listener: VastClientListener<E>): () => void {
    const set = this.#listeners[name] as Set<VastClientListener<E>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Builds an `HttpBeaconTransport` of `@vast/tracker` that sends through the client's own guarded
   * pool: every new connection is checked by the client's SSRF guard (a refused beacon fails with
   * `network`, its message starting `SSRF_BLOCKED:`, and is not retried), with the transport's
   * retries, timeouts and outcomes. Use it for playback beacons (impressions, quartiles, clicks).
   * The transport does not own the pool: close it before {@link VastClient.close}.
   *
   * @param options - the transport's options (timeouts, retries, headers, concurrency); the
   *   dispatcher is the client's
   * @returns a transport over the client's guarded pool, on the client's clock unless
   *   `options.time` says otherwise
   * @example
   * ```ts
   * const beacons = client.createBeaconTransport({ retries: 2, timeoutMs: 2000 });
   * const { inline, wrappers } = result.ads[0]!;
   * const tracking = trackingSetFromAds(inline, [...wrappers].reverse());
   * const tracker = new Tracker({ tracking, transport: beacons, time });
   * // ... playback ...
   * await beacons.close();
   * await client.close();
   * ```
   */
  createBeaconTransport(options: Omit<HttpBeaconTransportOptions, 'dispatcher'> = {}): HttpBeaconTransport {
    return new HttpBeaconTransport({ time: this.#time, ...options, dispatcher: this.#fetcher.dispatcher });
  }

  /**
   * Waits for Error pixels in flight, then closes the pool (idle sockets at once).
   *
   * @returns when every socket is closed
   */
  async close(): Promise<void> {
    if (this.#ownTransport) await this.#transport.close();
    else await this.#transport.flush();
    await this.#fetcher.close();
  }

  #start(options: VastRequestOptions): ChainResolver {
    const services =
      options.macros === undefined
        ? (this.#defaultServices ??= this.#services(this.#macros))
        : this.#services({ ...this.#macros, ...options.macros });
    return new ChainResolver(services, options);
  }

  #services(macros: Readonly<Record<string, MacroValue>>): ResolverServices {
    return {
      fetcher: this.#fetcher,
      time: this.#time,
      maxWrapperDepth: this.#limits.maxWrapperDepth,
      chainTimeoutMs: this.#limits.chainTimeoutMs,
      maxResponseBytes: this.#limits.maxResponseBytes,
      maxWrappersPerResponse: this.#limits.maxWrappersPerResponse,
      maxRequestsPerResolution: this.#limits.maxRequestsPerResolution,
      maxErrorPixels: this.#limits.maxErrorPixels,
      headers: this.#headers,
      parseOptions: this.#parseOptions,
      expandUrl: (template) => this.#expander.expand(template, { values: macros }),
      fireErrorPixels: (levels, code) => this.#fireErrorPixels(levels, code, macros),
      listens: (name) => this.#listeners[name].size > 0,
      emit: (name, event) => this.#emit(name, event),
    };
  }

  async #fireErrorPixels(
    levels: readonly ErrorPixelLevel[],
    code: VastErrorCode,
    macros: Readonly<Record<string, MacroValue>>,
  ): Promise<readonly ErrorPixel[]> {
    if (!this.#firePixels) return [];
    const sends = levels.flatMap((level) =>
      level.urls.map(async (template): Promise<ErrorPixel> => {
        const url = this.#expander.expand(template, { values: macros, errorCode: code });
        const beacon: Beacon = {
          id: ++this.#beaconId,
          event: 'error',
          url,
          template,
          level: level.depth,
          errorCode: code,
          time: this.#time.now(),
        };
        const outcome = await this.#transport.send(beacon).catch(
          (error: unknown): BeaconOutcome => ({
            kind: 'failed',
            beacon,
            reason: 'network',
            message: error instanceof Error ? error.message : String(error),
            attempts: 1,
          }),
        );
        return { url, code, depth: level.depth, outcome };
      }),
    );
    return Promise.all(sends);
  }

  #emit<E extends VastClientEventName>(name: E, event: VastClientEventMap[E]): void {
    for (const listener of this.#listeners[name] as Set<VastClientListener<E>>) {
      try {
        listener(event);
      } catch {
        // Telemetry must never break resolution.
      }
    }
  }
}

function positive(path: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new VastClientConfigError(path, value, 'a finite number of milliseconds above 0');
  }
  return value;
}

function integer(path: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new VastClientConfigError(path, value, `an integer of at least ${min}`);
  }
  return value;
}
