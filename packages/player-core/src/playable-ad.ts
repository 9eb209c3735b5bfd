import type { InlineAd, WrapperAd } from '@vast/parser';
import { macroValuesFromAd, progressOffsetsOf, trackingSetFromAds, type MacroValue, type ProgressOffset, type TrackingSet } from '@vast/tracker';

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

const PREPARED = Symbol.for('@vast/player-core.PreparedAd');

/**
 * A playable ad taken apart once, to be played many times (see {@link prepareAd}): the inline ad,
 * the tracking of every level and its distinct progress offsets, frozen.
 */
export interface PreparedAd {
  /** The inline ad whose creative plays. */
  readonly inline: InlineAd;
  /** Impressions, errors, events and clicks by level: the inline ad first, then the wrappers innermost first. */
  readonly tracking: TrackingSet;
  /** When the inline ad arrived (epoch ms of the client's clock), when known. */
  readonly receivedAt: number | undefined;
  /** The pod position, when the ad is in a pod. */
  readonly sequence: number | undefined;
  /** The distinct progress offsets of every level. */
  readonly progressOffsets: readonly ProgressOffset[];
  /** When this buffet ad fills the slot of a failed pod ad, that ad's sequence. */
  readonly replacesSequence: number | undefined;
  /** The ad's own macro values (`[UNIVERSALADID]`, `[ADSERVINGID]`, `[PODSEQUENCE]`), made once for every session that plays it. */
  readonly macroValues: Readonly<Record<string, MacroValue>>;
  /** The brand that tells a prepared ad from the others. @internal */
  readonly [PREPARED]: true;
}

/** What a player plays: a resolved ad (with its chain), a bare parsed inline ad, or a prepared ad. */
export type PlayableAd = InlineAd | ResolvedAdLike | PreparedAd;

/**
 * Whether a playable ad is a bare parsed inline ad.
 *
 * @param ad - a playable ad
 * @returns `true` for an `InlineAd`
 */
function isInlineAd(ad: InlineAd | ResolvedAdLike): ad is InlineAd {
  return (ad as InlineAd).type === 'inline';
}

/**
 * Whether a playable ad was prepared by {@link prepareAd} (also by another copy of this package).
 *
 * @param ad - a playable ad
 * @returns `true` for a prepared ad
 */
export function isPreparedAd(ad: PlayableAd): ad is PreparedAd {
  return (ad as Partial<PreparedAd>)[PREPARED] === true;
}

/**
 * Takes a playable ad apart once: a player given the result skips that work, which matters when
 * the same ad plays many times (forecasting, load tests, a popular creative). A resolved ad with
 * `inline` and `wrappers` gives one tracking level per ad of the chain; one without them plays its
 * merged `ad` as a single level (the merge already holds every wrapper's URLs).
 *
 * @param ad - a resolved ad, a bare inline ad, or an ad prepared already (returned as is)
 * @returns the frozen prepared ad
 * @example
 * ```ts
 * const prepared = prepareAd(resolution.ads[0]);
 * for (const seed of seeds) await new HeadlessPlayer({ ad: prepared, config, seed }).play();
 * ```
 */
export function prepareAd(ad: PlayableAd): PreparedAd {
  if (isPreparedAd(ad)) return ad;
  let inline: InlineAd;
  let tracking: TrackingSet;
  let receivedAt: number | undefined;
  let sequence: number | undefined;
  let replacesSequence: number | undefined;
  if (isInlineAd(ad)) {
    inline = ad;
    tracking = trackingSetFromAds(ad);
    sequence = ad.sequence;
  } else {
    inline = ad.inline ?? ad.ad;
    tracking = trackingSetFromAds(inline, ad.inline === undefined ? [] : [...(ad.wrappers ?? [])].reverse());
    const last = ad.chain?.[ad.chain.length - 1];
    receivedAt = last === undefined ? undefined : last.startedAt + last.durationMs;
    sequence = ad.sequence ?? inline.sequence;
    replacesSequence = ad.replacesSequence;
  }
  const macroValues = macroValuesFromAd(inline);
  if (sequence !== undefined) macroValues.PODSEQUENCE = sequence;
  return Object.freeze({
    inline,
    tracking,
    receivedAt,
    sequence,
    replacesSequence,
    progressOffsets: Object.freeze(progressOffsetsOf(tracking)),
    macroValues: Object.freeze(macroValues),
    [PREPARED]: true as const,
  });
}
