import type { InlineAd, WrapperAd } from '@vast/parser';
import { trackingSetFromAds, type TrackingSet } from '@vast/tracker';

/**
 * An ad as `VastClient` of `@vast/client` resolves it (its `ResolvedAd`), described by shape so
 * that the players do not depend on the client: the inline ad, the wrappers that led to it and
 * the fetches of the chain.
 */
export interface ResolvedAdLike {
  /** The inline ad with the wrappers' tracking merged in (used when `inline` is absent). */
  readonly ad: InlineAd;
  /** The inline ad as its server sent it; with `wrappers`, each level's beacons carry their level. */
  readonly inline?: InlineAd;
  /** The wrappers followed to reach it, outermost first. */
  readonly wrappers?: readonly WrapperAd[];
  /** The fetches of the chain; the last one tells when the inline ad arrived (for `<Expires>`). */
  readonly chain?: readonly { readonly startedAt: number; readonly durationMs: number }[];
  /** The position in the pod (the outermost `sequence`), absent for a stand-alone ad. */
  readonly sequence?: number;
  /** When this buffet ad fills the slot of a failed pod ad, that ad's sequence. */
  readonly replacesSequence?: number;
}

/** What a player plays: a resolved ad (with its chain), or a bare parsed inline ad. */
export type PlayableAd = InlineAd | ResolvedAdLike;

/**
 * A playable ad taken apart: the inline ad to play and the tracking of every level.
 * @internal
 */
export interface AdUnderPlay {
  /** The inline ad whose creative plays. */
  readonly inline: InlineAd;
  /** Impressions, errors, events and clicks by level: the inline ad first, then the wrappers innermost first. */
  readonly tracking: TrackingSet;
  /** When the inline ad arrived (epoch ms of the client's clock), when known. */
  readonly receivedAt: number | undefined;
  /** The pod position, when the ad is in a pod. */
  readonly sequence: number | undefined;
}

/**
 * Whether a playable ad is a bare parsed inline ad.
 *
 * @param ad - a playable ad
 * @returns `true` for an `InlineAd`
 */
function isInlineAd(ad: PlayableAd): ad is InlineAd {
  return (ad as InlineAd).type === 'inline';
}

/**
 * Takes a playable ad apart. A resolved ad with `inline` and `wrappers` gives one tracking level
 * per ad of the chain; one without them plays its merged `ad` as a single level (the merge already
 * holds every wrapper's URLs).
 *
 * @param ad - a resolved ad or a bare inline ad
 * @returns the inline ad, the tracking set, the arrival time and the pod position
 * @internal
 */
export function adUnderPlay(ad: PlayableAd): AdUnderPlay {
  if (isInlineAd(ad)) return { inline: ad, tracking: trackingSetFromAds(ad), receivedAt: undefined, sequence: ad.sequence };
  const inline = ad.inline ?? ad.ad;
  const wrappers = ad.inline === undefined ? [] : [...(ad.wrappers ?? [])].reverse();
  const last = ad.chain?.[ad.chain.length - 1];
  return {
    inline,
    tracking: trackingSetFromAds(inline, wrappers),
    receivedAt: last === undefined ? undefined : last.startedAt + last.durationMs,
    sequence: ad.sequence ?? inline.sequence,
  };
}
