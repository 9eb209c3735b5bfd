import type { TrackingUrl } from './tracking-set.js';

/**
 * The part of a parsed creative the tracker reads. Every `Creative` of `@vast/parser` is one, so
 * parsed ads feed the tracker unchanged without the tracker installing the parser.
 */
export type TrackableCreative =
  | {
      /** A linear creative. */
      readonly type: 'linear';
      /** Its universal ad ids. */
      readonly universalAdIds: readonly { readonly idRegistry: string; readonly value: string }[];
      /** Its tracking events. */
      readonly trackingEvents: readonly TrackingUrl[];
      /** Its click trackings. */
      readonly videoClicks: { readonly clickTrackings: readonly { readonly url: string }[] };
    }
  | {
      /** A non-linear creative. */
      readonly type: 'nonlinear';
      /** Its universal ad ids. */
      readonly universalAdIds: readonly { readonly idRegistry: string; readonly value: string }[];
      /** Its tracking events. */
      readonly trackingEvents: readonly TrackingUrl[];
    }
  | {
      /** A companion creative (its trackings are the companions' own). */
      readonly type: 'companion';
      /** Its universal ad ids. */
      readonly universalAdIds: readonly { readonly idRegistry: string; readonly value: string }[];
    };

/**
 * The part of a parsed ad the tracker reads: an `InlineAd` or a `WrapperAd` of `@vast/parser` is
 * one (a type test proves it), declared here so the tracker's types resolve without the parser.
 */
export interface TrackableAd {
  /** `inline` or `wrapper`. */
  readonly type: 'inline' | 'wrapper';
  /** Impression URLs. */
  readonly impressions: readonly { readonly url: string }[];
  /** Error URLs. */
  readonly errors: readonly string[];
  /** The creatives. */
  readonly creatives: readonly TrackableCreative[];
  /** The `<AdServingId>` of an inline ad. */
  readonly adServingId?: string;
}
