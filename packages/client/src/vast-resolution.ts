import type { InlineAd, VastDocument, VastError, VastErrorCode, WrapperAd } from '@vast/parser';
import type { BeaconOutcome } from '@vast/tracker';

/** One HTTP fetch of a chain: a wrapper's `VASTAdTagURI` (or the ad tag itself at depth 0). */
export interface ChainHop {
  /** The URL requested, after macro expansion. */
  readonly url: string;
  /** The URL the document came from, after HTTP redirects. */
  readonly finalUrl: string;
  /** 0 for the ad tag, 1 for the document of the first wrapper, and so on. */
  readonly depth: number;
  /** When the request started, in milliseconds since the epoch on the client's clock. */
  readonly startedAt: number;
  /** From the request to the last body byte, in milliseconds of the client's clock. */
  readonly durationMs: number;
  /** The HTTP status of the final response. */
  readonly status: number;
  /** The body size in bytes. */
  readonly bytes: number;
  /** The HTTP redirects followed, in order. */
  readonly redirects: readonly string[];
}

/** An inline ad ready to play, with the tracking of its whole wrapper chain merged in. */
export interface ResolvedAd {
  /** The inline ad with every wrapper's impressions, errors, tracking, clicks, verifications,
   * extensions and companions merged in (see `mergeWrapperTracking`). */
  readonly ad: InlineAd;
  /** The inline ad as its server sent it. */
  readonly inline: InlineAd;
  /** The wrappers followed to reach it, outermost first (empty for an ad served inline). */
  readonly wrappers: readonly WrapperAd[];
  /** The HTTP fetches from the ad tag to the inline document (empty for `resolve()` of an inline
   * document). */
  readonly chain: readonly ChainHop[];
  /** The position in the pod (the outermost `sequence`), absent for a stand-alone ad. */
  readonly sequence?: number;
  /** When this buffet ad fills the slot of a failed pod ad (`fallbackOnNoAd`), that ad's sequence. */
  readonly replacesSequence?: number;
}

/** An ad of the response that gave nothing to play, and why. */
export interface AdFailure {
  /** Why, with the IAB code (300, 301, 302, 303, 100, 101, 102). */
  readonly error: VastError;
  /** The `id` of the outermost `<Ad>` the failure came through, when it has one. */
  readonly adId?: string;
  /** The outermost `sequence` (the pod position), for pod ads. */
  readonly sequence?: number;
  /** The wrapper depth the failure happened at: 0 is the ad tag's own document. */
  readonly depth: number;
  /** The fetches that succeeded before the failure. */
  readonly chain: readonly ChainHop[];
}

/** One Error pixel the client fired. */
export interface ErrorPixel {
  /** The URL requested, `[ERRORCODE]` and the other macros expanded. */
  readonly url: string;
  /** The IAB code it reported. */
  readonly code: VastErrorCode;
  /** The level it belongs to: the wrapper depth, or the depth of the empty document it came from. */
  readonly depth: number;
  /**
   * What happened to it, as the transport reported: `sent` with the HTTP status, `failed` with
   * the reason (a pixel refused by the SSRF guard fails with `network`), `dropped` (not an
   * http(s) URL), or `recorded` by a recording transport.
   */
  readonly outcome: BeaconOutcome;
}

/** Something the client stepped over while resolving, reported instead of failing. */
export interface ResolutionWarning {
  /**
   * - `parse`: a lenient-parsing warning of the document at `depth`;
   * - `ads-dropped`: ads a wrapper's `allowMultipleAds="false"` left out, or a nested buffet;
   * - `wrapper-ignored`: a wrapper left out because `followAdditionalWrappers="false"`;
   * - `empty-body`: a 2xx answer with no body, taken as a response with no ads;
   * - `fan-out-limit`: wrappers of one response beyond `maxWrappersPerResponse`, not followed;
   * - `request-limit`: wrappers not followed because the call had made `maxRequestsPerResolution`
   *   requests (one warning per call, at the end);
   * - `error-pixel-limit`: Error pixels beyond `maxErrorPixels`, not fired (one warning per call).
   *
   * The limit warnings carry {@link ResolutionWarning.count}.
   */
  readonly kind:
    | 'parse'
    | 'ads-dropped'
    | 'wrapper-ignored'
    | 'empty-body'
    | 'fan-out-limit'
    | 'request-limit'
    | 'error-pixel-limit';
  /** What happened, for people. */
  readonly message: string;
  /** The wrapper depth of the document concerned. */
  readonly depth: number;
  /** The URL of the document concerned, when it was fetched. */
  readonly url?: string;
  /** For `parse` warnings: the IAB code strict parsing would raise, and the element path. */
  readonly code?: VastErrorCode;
  /** For `parse` warnings: the element path. */
  readonly path?: string;
  /** For the limit warnings: how many wrappers or Error pixels were cut. */
  readonly count?: number;
}

/**
 * The outcome of `VastClient.get` or `resolve`: what to play, what else was offered, what failed
 * and which Error pixels were fired.
 */
export interface VastResolution {
  /**
   * What to play, in order: the pod in `sequence` order (a failed pod ad skipped or, when its
   * wrapper says `fallbackOnNoAd`, replaced by a buffet ad), or the one stand-alone ad.
   */
  readonly ads: readonly ResolvedAd[];
  /** Whether the response was an ad pod. */
  readonly isPod: boolean;
  /**
   * The resolved stand-alone ads not in {@link VastResolution.ads}: the buffet beside a pod, or
   * the alternatives to the chosen stand-alone ad. Kept apart for the caller to pick from.
   */
  readonly buffet: readonly ResolvedAd[];
  /** Why there is nothing to play, when `ads` is empty; the code is the IAB error code. */
  readonly error?: VastError;
  /** Every ad of the response (or of a wrapper's response) that failed, in order. */
  readonly failures: readonly AdFailure[];
  /**
   * The Error pixels fired that settled before the call returned, with their outcome. The call
   * waits for Error pixels only until its chain budget (`chainTimeoutMs`) ends.
   */
  readonly errorPixels: readonly ErrorPixel[];
  /**
   * Present when Error pixels were still in flight as the chain budget ended: they go on in the
   * background (bounded by the pixel transport's own timeout; `client.close()` waits for them),
   * and this resolves with every Error pixel of the call, those of `errorPixels` included. It
   * never rejects.
   */
  readonly pendingErrorPixels?: Promise<readonly ErrorPixel[]>;
  /**
   * True when the client refused at least one request of this call because it was overloaded:
   * the request could not have been served within its budget. The failure's cause is a
   * `FetchError` of kind `overloaded`, its IAB code 301; no Error pixel reports it (the ad server
   * did nothing wrong). Retry later, or elsewhere.
   */
  readonly overloaded?: boolean;
  /** What the client stepped over. */
  readonly warnings: readonly ResolutionWarning[];
  /** The ad tag's own document, when it was fetched and parsed. */
  readonly document?: VastDocument;
  /** From the call to the result, the Error pixels it waited for included, in milliseconds of the
   * client's clock. */
  readonly durationMs: number;
}
