import type { MacroValue } from './encode-macro-value.js';
import type { TrackableAd } from './trackable-ad.js';
import type { TrackingLevel, TrackingSet, TrackingUrl } from './tracking-set.js';

const NO_URLS: readonly string[] = Object.freeze([]);

/**
 * The tracking level of one parsed ad: its impressions and errors, the tracking events of its
 * linear creative (or of every creative when it has none), and its click trackings.
 *
 * @param ad - an inline ad or a wrapper from `@vast/parser`
 * @returns the structural tracking level the tracker uses
 */
export function trackingLevelFromAd(ad: TrackableAd): TrackingLevel {
  const linear = ad.creatives.filter((c) => c.type === 'linear');
  const sources = linear.length > 0 ? linear : ad.creatives;
  const only = sources.length === 1 ? sources[0] : undefined;
  // The parser's lists are immutable: one creative's tracking events are used as they are.
  let events: readonly TrackingUrl[];
  if (only !== undefined && only.type !== 'companion') events = only.trackingEvents;
  else events = sources.flatMap((creative) => (creative.type === 'companion' ? [] : creative.trackingEvents));
  const clicks = sources.flatMap((creative) => (creative.type === 'linear' ? creative.videoClicks.clickTrackings.map((click) => click.url) : []));
  // Shared when empty: a level is made for every session that plays the ad.
  return {
    impressions: ad.impressions.map((i) => i.url),
    errors: ad.errors,
    events,
    clickTrackings: clicks.length === 0 ? NO_URLS : clicks,
  };
}

/**
 * A tracking set from a chain of parsed ads, in the order the tracker expects.
 *
 * @param inline - the inline ad that plays
 * @param wrappers - the wrappers that led to it, innermost first
 * @returns the tracking set
 * @example
 * ```ts
 * const tracking = trackingSetFromAds(inlineAd, [innerWrapper, outerWrapper]);
 * ```
 */
export function trackingSetFromAds(inline: TrackableAd, wrappers: readonly TrackableAd[] = []): TrackingSet {
  return { levels: [inline, ...wrappers].map(trackingLevelFromAd) };
}

/**
 * Macro values a parsed ad itself provides: `[UNIVERSALADID]` (each `registry value` of its
 * creatives, for VAST 4.1+) and `[ADSERVINGID]` (inline ads). Merge them into the session's
 * macro context.
 *
 * @param ad - the ad that plays
 * @returns the values it defines; names it does not define are absent
 */
export function macroValuesFromAd(ad: TrackableAd): Record<string, MacroValue> {
  const values: Record<string, MacroValue> = {};
  const ids = ad.creatives.flatMap((c) => c.universalAdIds.map((u) => `${u.idRegistry} ${u.value}`));
  if (ids.length > 0) values.UNIVERSALADID = ids;
  if (ad.type === 'inline' && ad.adServingId !== undefined) values.ADSERVINGID = ad.adServingId;
  return values;
}
