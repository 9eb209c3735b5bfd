import type { Creative } from './creative.js';
import type { Extension } from './extension.js';
import type { UrlWithId } from './url-with-id.js';
import type { Verification } from './verification.js';

/** `<AdSystem>`: the ad server that returned the ad. */
export interface AdSystem {
  /** The element text. */
  readonly name: string;
  /** The `version` attribute. */
  readonly version?: string;
}

/** `<Pricing>`. */
export interface Pricing {
  /** The price, as a number. */
  readonly value: number;
  /** `model` (`CPM`, `CPC`, `CPE`, `CPV`), as written. */
  readonly model?: string;
  /** `currency`, a three-letter ISO 4217 code. */
  readonly currency?: string;
}

/** A `<Category>` or a `<BlockedAdCategories>` entry. */
export interface Category {
  /** The category code. */
  readonly value: string;
  /** The `authority` attribute (the URL of the taxonomy). */
  readonly authority?: string;
}

/** `<Advertiser>`. */
export interface Advertiser {
  /** The advertiser's name. */
  readonly name: string;
  /** The `id` attribute (VAST 4.1+). */
  readonly id?: string;
}

/** `<Survey>`. */
export interface Survey {
  /** The survey URL, trimmed. */
  readonly url: string;
  /** The MIME type. */
  readonly type?: string;
}

/** `<ViewableImpression>` (VAST 4.0+): URLs fired on viewability outcomes. */
export interface ViewableImpression {
  /** The `id` attribute. */
  readonly id?: string;
  /** `<Viewable>` URLs. */
  readonly viewable: readonly string[];
  /** `<NotViewable>` URLs. */
  readonly notViewable: readonly string[];
  /** `<ViewUndetermined>` URLs. */
  readonly viewUndetermined: readonly string[];
}

/** What InLine and Wrapper ads share. */
export interface VastAdBase {
  /** The Ad's `id` attribute. */
  readonly id?: string;
  /** The Ad's `sequence` attribute (position in a pod). */
  readonly sequence?: number;
  /** The Ad's `adType` attribute (VAST 4.1+: `video`, `audio`, `hybrid`). */
  readonly adType?: string;
  /** The Ad's `conditionalAd` attribute (VAST 4.1+). */
  readonly conditionalAd?: boolean;
  /** `<AdSystem>`. */
  readonly adSystem?: AdSystem;
  /** `<Impression>` URLs, empty ones left out. */
  readonly impressions: readonly UrlWithId[];
  /** `<Error>` URLs of the ad. */
  readonly errors: readonly string[];
  /** `<Pricing>`. */
  readonly pricing?: Pricing;
  /** `<ViewableImpression>`. */
  readonly viewableImpression?: ViewableImpression;
  /** `<AdVerifications>`. */
  readonly verifications: readonly Verification[];
  /** `<BlockedAdCategories>` (VAST 4.1+). */
  readonly blockedAdCategories: readonly Category[];
  /** `<Extensions>`. */
  readonly extensions: readonly Extension[];
  /** `<Creatives>`, in document order. */
  readonly creatives: readonly Creative[];
}

/** An `<InLine>` ad: everything needed to play it. */
export interface InlineAd extends VastAdBase {
  /** Discriminant. */
  readonly type: 'inline';
  /** `<AdTitle>`. */
  readonly adTitle?: string;
  /** `<AdServingId>` (VAST 4.1+). */
  readonly adServingId?: string;
  /** `<Category>` elements. */
  readonly categories: readonly Category[];
  /** `<Description>`. */
  readonly description?: string;
  /** `<Advertiser>`. */
  readonly advertiser?: Advertiser;
  /** `<Survey>`. */
  readonly survey?: Survey;
  /** `<Expires>` in seconds (VAST 4.1+). */
  readonly expires?: number;
}

/** A `<Wrapper>` ad: a redirect to another VAST document, with tracking to merge. */
export interface WrapperAd extends VastAdBase {
  /** Discriminant. */
  readonly type: 'wrapper';
  /** The URL of the next document (`VASTAdTagURI`, or VAST 2's `VASTAdTagURL`), trimmed. */
  readonly vastAdTagUri: string;
  /** `followAdditionalWrappers` (spec default `true`, applied when absent). */
  readonly followAdditionalWrappers: boolean;
  /** `allowMultipleAds` (spec default `false`, applied when absent). */
  readonly allowMultipleAds: boolean;
  /** `fallbackOnNoAd`; absent when the document leaves it to the player. */
  readonly fallbackOnNoAd?: boolean;
}

/** One `<Ad>`: switch on `type`. */
export type VastAd = InlineAd | WrapperAd;
