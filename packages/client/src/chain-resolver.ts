import {
  VastError,
  VastErrorCode,
  isVastError,
  parseVast,
  type ParseVastOptions,
  type VastAd,
  type VastDocument,
  type WrapperAd,
} from '@vast/parser';
import type { TimeProvider } from '@vast/time';
import { FetchError } from './fetch-error.js';
import type { HttpFetcher, OriginHeaders } from './http-fetcher.js';
import { mergeWrapperTracking } from './merge-wrapper-tracking.js';
import type { VastClientEventMap, VastClientEventName } from './vast-client-events.js';
import type {
  AdFailure,
  ChainHop,
  ErrorPixel,
  ResolutionWarning,
  ResolvedAd,
  VastResolution,
} from './vast-resolution.js';

/** Error URLs of one level of a chain, fired together with one code. @internal */
export interface ErrorPixelLevel {
  readonly urls: readonly string[];
  readonly depth: number;
}

/** What a resolution needs from its client. @internal */
export interface ResolverServices {
  readonly fetcher: HttpFetcher;
  readonly time: TimeProvider;
  readonly maxWrapperDepth: number;
  readonly chainTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxWrappersPerResponse: number;
  readonly maxRequestsPerResolution: number;
  readonly maxErrorPixels: number;
  /** The client's headers for the ad tag's origin only. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** How every document is parsed (strictness, byte cap, depth and ad limits). */
  readonly parseOptions: ParseVastOptions;
  /** Expands the macros of an ad tag URL. */
  expandUrl(template: string): string;
  /** Fires Error pixels; never rejects. */
  fireErrorPixels(levels: readonly ErrorPixelLevel[], code: VastErrorCode): Promise<readonly ErrorPixel[]>;
  /** Whether anyone listens to an event (events are not built when nobody does). */
  listens(name: VastClientEventName): boolean;
  emit<E extends VastClientEventName>(name: E, event: VastClientEventMap[E]): void;
}

/** Per-call options. @internal */
export interface RunOptions {
  readonly signal?: AbortSignal | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly forwardedHeaders?: Readonly<Record<string, string>> | undefined;
}

interface Branch {
  /** Depth of the document holding the ad. */
  readonly depth: number;
  readonly wrappers: readonly WrapperAd[];
  readonly chain: readonly ChainHop[];
  /** URLs requested on the way here, as written and as expanded (a few: a chain is short). */
  readonly seen: readonly string[];
  readonly adId: string | undefined;
  readonly sequence: number | undefined;
}

type AdOutcome =
  | { readonly ok: true; readonly ads: readonly ResolvedAd[] }
  | { readonly ok: false; readonly failure: AdFailure; readonly fallbackOnNoAd: boolean | undefined };

type Loaded =
  | { readonly ok: true; readonly document: VastDocument; readonly hop: ChainHop }
  | { readonly ok: false; readonly error: VastError; readonly hop?: ChainHop };

/**
 * One `get` or `resolve` call: follows the wrapper chains of a document, merges tracking, fires
 * Error pixels, collects warnings and failures.
 *
 * @internal
 */
export class ChainResolver {
  readonly #services: ResolverServices;
  readonly #options: RunOptions;
  readonly #started: number;
  readonly #warnings: ResolutionWarning[] = [];
  readonly #failures: AdFailure[] = [];
  readonly #pixels: Promise<readonly ErrorPixel[]>[] = [];
  readonly #fired = new Map<object, Set<number>>();
  /** Headers for the ad tag's origin only (client-level and per-call), when there are any. */
  #originHeaders: OriginHeaders | undefined;
  #requests = 0;
  #pixelCount = 0;
  /** What the fan-out limits cut, by kind. */
  #cutRequests = 0;
  #cutPixels = 0;
  #overloaded = false;

  constructor(services: ResolverServices, options: RunOptions) {
    this.#services = services;
    this.#options = options;
    this.#started = services.time.monotonic();
  }

  /** Fetches the ad tag and resolves what it returns. */
  async get(url: string): Promise<VastResolution> {
    this.#options.signal?.throwIfAborted();
    const expanded = this.#expand(url);
    this.#originHeaders = this.#scopeHeaders(expanded);
    const root: Branch = {
      depth: 0,
      wrappers: [],
      chain: [],
      seen: url === expanded ? [url] : [url, expanded],
      adId: undefined,
      sequence: undefined,
    };
    const loaded = await this.#load(expanded, 0);
    if (!loaded.ok) {
      this.#fail(root, loaded.error, [], loaded.hop);
      return this.#finish([], [], false, undefined);
    }
    return this.#resolveRoot(loaded.document, { ...root, chain: [loaded.hop] });
  }

  /** Resolves a document the caller already has (or its XML). */
  async resolve(input: VastDocument | string | Uint8Array): Promise<VastResolution> {
    this.#options.signal?.throwIfAborted();
    const root: Branch = { depth: 0, wrappers: [], chain: [], seen: [], adId: undefined, sequence: undefined };
    let document: VastDocument;
    if (typeof input === 'string' || input instanceof Uint8Array) {
      const parsed = this.#parse(input, 0, undefined);
      if (!parsed.ok) {
        this.#fail(root, parsed.error, []);
        return this.#finish([], [], false, undefined);
      }
      document = parsed.document;
    } else {
      document = input;
    }
    return this.#resolveRoot(document, root);
  }

  async #resolveRoot(document: VastDocument, root: Branch): Promise<VastResolution> {
    if (document.ads.length === 0) {
      const error = new VastError(VastErrorCode.NO_ADS_AFTER_WRAPPER, 'The VAST response has no ads');
      this.#fail(root, error, [{ urls: document.errors, depth: 0 }]);
      return this.#finish([], [], false, document);
    }
    const { pod, standalone } = splitPod(this.#limitWrappers(document.ads, 0, root.seen.at(-1)));
    if (pod.length === 0) return this.#resolveStandalone(standalone, root, document);
    const [podOutcomes, standaloneOutcomes] = await Promise.all([
      Promise.all(pod.map((ad) => this.#resolveAd(ad, { ...root, adId: ad.id, sequence: ad.sequence }))),
      Promise.all(standalone.map((ad) => this.#resolveAd(ad, { ...root, adId: ad.id, sequence: ad.sequence }))),
    ]);
    const pool = standaloneOutcomes.flatMap((o) => (o.ok ? o.ads : []));
    const ads: ResolvedAd[] = [];
    podOutcomes.forEach((o, index) => {
      if (o.ok) {
        ads.push(...o.ads);
        return;
      }
      const replacement = o.fallbackOnNoAd === true ? pool.shift() : undefined;
      const sequence = pod[index]?.sequence;
      if (replacement !== undefined && sequence !== undefined) {
        ads.push({ ...replacement, sequence, replacesSequence: sequence });
      }
    });
    return this.#finish(ads, pool, true, document);
  }

  /** The ads of a document without a pod: the first that resolves is played, the rest are the buffet. */
  async #resolveStandalone(standalone: readonly VastAd[], root: Branch, document: VastDocument): Promise<VastResolution> {
    const only = standalone.length === 1 ? standalone[0] : undefined;
    const standaloneOutcomes =
      only === undefined
        ? await Promise.all(standalone.map((ad) => this.#resolveAd(ad, { ...root, adId: ad.id, sequence: ad.sequence })))
        : [await this.#resolveAd(only, { ...root, adId: only.id, sequence: only.sequence })];
    let chosen: readonly ResolvedAd[] = [];
    const buffet: ResolvedAd[] = [];
    let stopped = false;
    for (const o of standaloneOutcomes) {
      if (!o.ok) {
        if (chosen.length === 0 && o.fallbackOnNoAd === false) stopped = true;
        continue;
      }
      if (chosen.length === 0 && !stopped) chosen = o.ads;
      else buffet.push(...o.ads);
    }
    return this.#finish(chosen, buffet, chosen.some((ad) => ad.sequence !== undefined), document);
  }

  async #resolveAd(ad: VastAd, branch: Branch): Promise<AdOutcome> {
    if (ad.type === 'inline') {
      const resolved: ResolvedAd = {
        ad: mergeWrapperTracking(ad, branch.wrappers),
        inline: ad,
        wrappers: branch.wrappers,
        chain: branch.chain,
        ...(branch.sequence === undefined ? {} : { sequence: branch.sequence }),
      };
      return { ok: true, ads: [resolved] };
    }
    const wrappers = [...branch.wrappers, ad];
    const here: Branch = { ...branch, wrappers };
    if (wrappers.length > this.#services.maxWrapperDepth) {
      return this.#failedAd(
        ad,
        here,
        new VastError(
          VastErrorCode.WRAPPER_LIMIT_REACHED,
          `More than ${this.#services.maxWrapperDepth} wrappers without an inline ad`,
        ),
      );
    }
    const url = this.#expand(ad.vastAdTagUri);
    if (branch.seen.includes(ad.vastAdTagUri) || branch.seen.includes(url)) {
      const loop = new VastError(VastErrorCode.WRAPPER_ERROR, `Wrapper loop: ${url} was already requested in this chain`);
      return this.#failedAd(ad, here, loop);
    }
    const depth = branch.depth + 1;
    if (this.#requests >= this.#services.maxRequestsPerResolution) {
      // Not followed: a hostile tag must not turn one call into a flood of requests.
      this.#cutRequests++;
      return { ok: true, ads: [] };
    }
    const loaded = await this.#load(url, depth);
    if (!loaded.ok) return this.#failedAd(ad, here, loaded.error, [], loaded.hop, depth);
    const { document, hop } = loaded;
    const next: Branch = {
      ...here,
      depth,
      chain: [...branch.chain, hop],
      seen: url === ad.vastAdTagUri ? [...branch.seen, url] : [...branch.seen, ad.vastAdTagUri, url],
    };
    if (document.ads.length === 0) {
      return this.#failedAd(
        ad,
        here,
        new VastError(VastErrorCode.NO_ADS_AFTER_WRAPPER, `No ads in the response to the wrapper at depth ${branch.depth}`),
        [{ urls: document.errors, depth }],
        hop,
        depth,
      );
    }
    const chosen = this.#choose(ad, document.ads, depth, url);
    if (chosen.length === 0) {
      return this.#failedAd(
        ad,
        here,
        new VastError(VastErrorCode.NO_ADS_AFTER_WRAPPER, 'Only wrappers came back and followAdditionalWrappers is false'),
        [],
        hop,
        depth,
      );
    }
    const only = chosen.length === 1 ? chosen[0] : undefined;
    if (only !== undefined) {
      // The usual case: one ad, whose outcome is this wrapper's.
      const outcome = await this.#resolveAd(only, { ...next, sequence: branch.sequence ?? only.sequence });
      return outcome.ok ? outcome : { ok: false, failure: outcome.failure, fallbackOnNoAd: ad.fallbackOnNoAd };
    }
    const outcomes = await Promise.all(
      chosen.map((child) => this.#resolveAd(child, { ...next, sequence: branch.sequence ?? child.sequence })),
    );
    const ads = outcomes.flatMap((o) => (o.ok ? o.ads : []));
    if (ads.length > 0) return { ok: true, ads };
    const first = outcomes.find((o): o is Extract<AdOutcome, { ok: false }> => !o.ok);
    /* v8 ignore next -- every outcome is a failure here and `chosen` is never empty */
    if (first === undefined) return this.#failedAd(ad, here, new VastError(VastErrorCode.NO_ADS_AFTER_WRAPPER, 'No ads'));
    return { ok: false, failure: first.failure, fallbackOnNoAd: ad.fallbackOnNoAd };
  }

  #failedAd(
    ad: WrapperAd,
    here: Branch,
    error: VastError,
    extra: readonly ErrorPixelLevel[] = [],
    hop?: ChainHop,
    depth = here.depth,
  ): AdOutcome {
    return { ok: false, failure: this.#fail(here, error, extra, hop, depth), fallbackOnNoAd: ad.fallbackOnNoAd };
  }

  /** The ads of a wrapper's response that the wrapper's attributes let through. */
  #choose(wrapper: WrapperAd, ads: readonly VastAd[], depth: number, url: string): readonly VastAd[] {
    const { pod, standalone } = splitPod(this.#limitWrappers(ads, depth, url));
    let chosen: readonly VastAd[];
    if (wrapper.allowMultipleAds && pod.length > 0) chosen = pod;
    else {
      const first = standalone[0] ?? pod[0];
      chosen = first === undefined ? [] : [first];
    }
    const dropped = ads.length - chosen.length;
    if (dropped > 0) {
      this.#warn({
        kind: 'ads-dropped',
        message: wrapper.allowMultipleAds
          ? `${dropped} stand-alone ad(s) beside the pod at depth ${depth} left out`
          : `${dropped} ad(s) left out: the wrapper does not allow multiple ads`,
        depth,
        url,
      });
    }
    if (wrapper.followAdditionalWrappers) return chosen;
    const inline = chosen.filter((ad) => ad.type === 'inline');
    if (inline.length < chosen.length) {
      this.#warn({
        kind: 'wrapper-ignored',
        message: `${chosen.length - inline.length} wrapper(s) ignored: the wrapper above says followAdditionalWrappers="false"`,
        depth,
        url,
      });
    }
    return inline;
  }

  /** The ads of one response with at most `maxWrappersPerResponse` wrappers (inline ads cost no
   * request and are all kept). */
  #limitWrappers(ads: readonly VastAd[], depth: number, url: string | undefined): readonly VastAd[] {
    const max = this.#services.maxWrappersPerResponse;
    let wrappers = 0;
    for (const ad of ads) if (ad.type === 'wrapper') wrappers++;
    if (wrappers <= max) return ads;
    let kept = 0;
    const limited = ads.filter((ad) => ad.type === 'inline' || kept++ < max);
    const cut = wrappers - max;
    this.#warn({
      kind: 'fan-out-limit',
      message: `${cut} wrapper(s) of one response not followed: more than maxWrappersPerResponse (${max})`,
      depth,
      count: cut,
      ...(url === undefined ? {} : { url }),
    });
    return limited;
  }

  #scopeHeaders(adTagUrl: string): OriginHeaders | undefined {
    const client = this.#services.headers;
    const call = this.#options.headers;
    if (client === undefined && call === undefined) return undefined;
    if (!URL.canParse(adTagUrl)) return undefined;
    return { origin: new URL(adTagUrl).origin, headers: { ...client, ...call } };
  }

  async #load(url: string, depth: number): Promise<Loaded> {
    const services = this.#services;
    this.#requests++;
    if (services.listens('resolving')) services.emit('resolving', { url, depth });
    const startedAt = services.time.now();
    let fetched;
    try {
      fetched = await services.fetcher.fetch(url, {
        signal: this.#options.signal,
        budgetMs: services.chainTimeoutMs - (services.time.monotonic() - this.#started),
        headers: this.#options.forwardedHeaders,
        originHeaders: this.#originHeaders,
        depth,
      });
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      if (error.kind === 'overloaded') this.#overloaded = true;
      return { ok: false, error: new VastError(VastErrorCode.WRAPPER_TIMEOUT, error.message, { cause: error }) };
    }
    const hop: ChainHop = {
      url,
      finalUrl: fetched.finalUrl,
      depth,
      startedAt,
      durationMs: fetched.durationMs,
      status: fetched.status,
      bytes: fetched.bytes,
      redirects: fetched.redirects,
    };
    if (services.listens('resolved')) {
      services.emit('resolved', { url, depth, durationMs: hop.durationMs, status: hop.status, bytes: hop.bytes });
    }
    if (fetched.body.trim() === '') {
      this.#warn({ kind: 'empty-body', message: `Empty body (HTTP ${fetched.status}): no ads`, depth, url });
      return { ok: true, document: { errors: [], ads: [], warnings: [] }, hop };
    }
    const parsed = this.#parse(fetched.body, depth, url);
    return parsed.ok ? { ok: true, document: parsed.document, hop } : { ok: false, error: parsed.error, hop };
  }

  #parse(
    input: string | Uint8Array,
    depth: number,
    url: string | undefined,
  ): { ok: true; document: VastDocument } | { ok: false; error: VastError } {
    let document: VastDocument;
    try {
      document = parseVast(input, this.#services.parseOptions);
    } catch (error) {
      if (isVastError(error)) return { ok: false, error };
      throw error;
    }
    for (const warning of document.warnings) {
      this.#warn({
        kind: 'parse',
        message: warning.message,
        depth,
        code: warning.code,
        path: warning.path,
        ...(url === undefined ? {} : { url }),
      });
    }
    return { ok: true, document };
  }

  #expand(template: string): string {
    return this.#services.expandUrl(template);
  }

  #fail(
    branch: Branch,
    error: VastError,
    extra: readonly ErrorPixelLevel[],
    hop?: ChainHop,
    depth = branch.depth,
  ): AdFailure {
    const failure: AdFailure = {
      error,
      depth,
      chain: hop === undefined ? branch.chain : [...branch.chain.filter((h) => h !== hop), hop],
      ...(branch.adId === undefined ? {} : { adId: branch.adId }),
      ...(branch.sequence === undefined ? {} : { sequence: branch.sequence }),
    };
    this.#failures.push(failure);
    if (this.#services.listens('error')) {
      this.#services.emit('error', { error, depth, ...(hop === undefined ? {} : { url: hop.url }) });
    }
    // Our own overload is not the ad server's failure: no Error pixel reports it.
    if (error.cause instanceof FetchError && error.cause.kind === 'overloaded') return failure;
    const levels: ErrorPixelLevel[] = [];
    branch.wrappers.forEach((wrapper, depth) => {
      const codes = this.#fired.get(wrapper) ?? new Set<number>();
      if (codes.has(error.errorCode)) return;
      codes.add(error.errorCode);
      this.#fired.set(wrapper, codes);
      levels.push({ urls: wrapper.errors, depth });
    });
    levels.push(...extra.filter((level) => level.urls.length > 0));
    const allowed = this.#capPixels(levels);
    if (allowed.length > 0) {
      const { time, chainTimeoutMs } = this.#services;
      const fire = (): Promise<readonly ErrorPixel[]> => this.#services.fireErrorPixels(allowed, error.errorCode);
      // With the budget spent, the call settles first and its pixels go out on the next turn
      // (as pendingErrorPixels): sending them costs CPU that thousands of calls expiring together
      // would otherwise spend before any of them returns.
      const spent = time.monotonic() - this.#started >= chainTimeoutMs;
      this.#pixels.push(spent ? new Promise<void>((resolve) => setImmediate(resolve)).then(fire) : fire());
    }
    return failure;
  }

  /** At most `maxErrorPixels` Error pixels per call; the rest are counted as cut. */
  #capPixels(levels: readonly ErrorPixelLevel[]): readonly ErrorPixelLevel[] {
    const max = this.#services.maxErrorPixels;
    const allowed: ErrorPixelLevel[] = [];
    for (const level of levels) {
      const room = Math.max(0, max - this.#pixelCount);
      const urls = level.urls.length > room ? level.urls.slice(0, room) : level.urls;
      this.#cutPixels += level.urls.length - urls.length;
      this.#pixelCount += urls.length;
      if (urls.length > 0) allowed.push(urls === level.urls ? level : { urls, depth: level.depth });
    }
    return allowed;
  }

  #warn(warning: ResolutionWarning): void {
    this.#warnings.push(warning);
    if (this.#services.listens('warning')) this.#services.emit('warning', { warning });
  }

  #reportCuts(): void {
    if (this.#cutRequests > 0) {
      const max = this.#services.maxRequestsPerResolution;
      this.#warn({
        kind: 'request-limit',
        message: `${this.#cutRequests} wrapper(s) not followed: more than maxRequestsPerResolution (${max}) requests`,
        depth: 0,
        count: this.#cutRequests,
      });
    }
    if (this.#cutPixels > 0) {
      this.#warn({
        kind: 'error-pixel-limit',
        message: `${this.#cutPixels} Error pixel(s) not fired: more than maxErrorPixels (${this.#services.maxErrorPixels})`,
        depth: 0,
        count: this.#cutPixels,
      });
    }
  }

  /**
   * Waits for the Error pixels until the chain's budget ends, no longer: those still in flight
   * then go on in the background (bounded by the pixel transport's timeout) and are handed back
   * as a promise.
   */
  async #settlePixels(): Promise<{ settled: readonly ErrorPixel[]; pending?: Promise<readonly ErrorPixel[]> }> {
    const { time, chainTimeoutMs } = this.#services;
    const all = Promise.all(this.#pixels).then((levels) => levels.flat());
    const left = chainTimeoutMs - (time.monotonic() - this.#started);
    const done: (readonly ErrorPixel[])[] = [];
    for (const pixels of this.#pixels) void pixels.then((settled) => done.push(settled));
    if (left > 0) {
      const stop = new AbortController();
      const timer = time.sleep(left, stop.signal).then(
        () => undefined,
        () => undefined,
      );
      await Promise.race([all, timer]);
      stop.abort();
    } else {
      // Let pixels that have already settled report.
      await Promise.resolve();
    }
    if (done.length === this.#pixels.length) return { settled: (await all) };
    return { settled: done.flat().length === 0 ? NO_PIXELS : done.flat(), pending: all };
  }

  async #finish(
    ads: readonly ResolvedAd[],
    buffet: readonly ResolvedAd[],
    isPod: boolean,
    document: VastDocument | undefined,
  ): Promise<VastResolution> {
    this.#reportCuts();
    const pixels = this.#pixels.length === 0 ? undefined : await this.#settlePixels();
    const first = this.#failures[0];
    const error =
      ads.length > 0
        ? undefined
        : (first?.error ?? new VastError(VastErrorCode.NO_ADS_AFTER_WRAPPER, 'No ad could be resolved'));
    return {
      ads,
      isPod,
      buffet,
      failures: this.#failures,
      errorPixels: pixels?.settled ?? [],
      warnings: this.#warnings,
      durationMs: this.#services.time.monotonic() - this.#started,
      ...(pixels?.pending === undefined ? {} : { pendingErrorPixels: pixels.pending }),
      ...(this.#overloaded ? { overloaded: true } : {}),
      ...(error === undefined ? {} : { error }),
      ...(document === undefined ? {} : { document }),
    };
  }
}

const NO_ADS: readonly VastAd[] = [];
const NO_PIXELS: readonly ErrorPixel[] = [];

function splitPod(ads: readonly VastAd[]): { pod: readonly VastAd[]; standalone: readonly VastAd[] } {
  if (ads.every((ad) => ad.sequence === undefined)) return { pod: NO_ADS, standalone: ads };
  const pod = ads.filter((ad) => ad.sequence !== undefined);
  const sorted = pod
    .map((ad, index) => ({ ad, index }))
    .sort((a, b) => (a.ad.sequence ?? 0) - (b.ad.sequence ?? 0) || a.index - b.index)
    .map(({ ad }) => ad);
  return { pod: sorted, standalone: ads.filter((ad) => ad.sequence === undefined) };
}
