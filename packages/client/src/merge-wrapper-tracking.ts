import type {
  Companion,
  CompanionCreative,
  Creative,
  InlineAd,
  LinearCreative,
  NonLinearCreative,
  ViewableImpression,
  WrapperAd,
} from '@vast/parser';

/**
 * Merges the tracking of every wrapper above an inline ad into a copy of that ad, as the VAST
 * spec asks a player to do, so a caller fires one list per event:
 * - impressions, error URLs, ad verifications, extensions, viewable-impression URLs and blocked
 *   categories of each wrapper are added to the ad's own;
 * - the tracking events, click trackings and custom clicks of the wrappers' linear creatives go
 *   into every linear creative of the ad (and their icons whose `program` the ad lacks); those of
 *   non-linear creatives into every non-linear creative;
 * - a wrapper companion's tracking events and click trackings go into the ad's companion of the
 *   same size (or the same `adSlotId`); a wrapper companion with its own resource and no match is
 *   added as a companion of its own.
 *
 * The ad's own entries come first, then each wrapper's from the innermost to the outermost. The
 * input is not modified.
 *
 * @param inline - the inline ad the chain ended with
 * @param wrappers - the wrappers followed to reach it, outermost first
 * @returns a new inline ad carrying the tracking of the whole chain
 * @example
 * ```ts
 * const merged = mergeWrapperTracking(inlineAd, [outerWrapper, innerWrapper]);
 * merged.impressions; // the ad's impressions, then innerWrapper's, then outerWrapper's
 * ```
 */
export function mergeWrapperTracking(inline: InlineAd, wrappers: readonly WrapperAd[]): InlineAd {
  if (wrappers.length === 0) return inline;
  const chain = [...wrappers].reverse();
  const wrapperCreatives = chain.flatMap((wrapper) => wrapper.creatives);
  const linears = wrapperCreatives.filter((c): c is LinearCreative => c.type === 'linear');
  const nonLinears = wrapperCreatives.filter((c): c is NonLinearCreative => c.type === 'nonlinear');
  const companions = wrapperCreatives
    .filter((c): c is CompanionCreative => c.type === 'companion')
    .flatMap((c) => c.companions);
  const creatives = inline.creatives.map((creative) => mergeCreative(creative, linears, nonLinears));
  const viewableImpression = mergeViewable(inline.viewableImpression, chain);
  return {
    ...inline,
    impressions: [...inline.impressions, ...chain.flatMap((w) => w.impressions)],
    errors: [...inline.errors, ...chain.flatMap((w) => w.errors)],
    verifications: [...inline.verifications, ...chain.flatMap((w) => w.verifications)],
    extensions: [...inline.extensions, ...chain.flatMap((w) => w.extensions)],
    blockedAdCategories: [...inline.blockedAdCategories, ...chain.flatMap((w) => w.blockedAdCategories)],
    creatives: mergeCompanions(creatives, companions),
    ...(viewableImpression === undefined ? {} : { viewableImpression }),
  };
}

function mergeCreative(
  creative: Creative,
  linears: readonly LinearCreative[],
  nonLinears: readonly NonLinearCreative[],
): Creative {
  switch (creative.type) {
    case 'linear': {
      if (linears.length === 0) return creative;
      const programs = new Set(creative.icons.map((icon) => icon.program));
      const icons = [...creative.icons];
      for (const icon of linears.flatMap((l) => l.icons)) {
        if (icon.program !== undefined && programs.has(icon.program)) continue;
        programs.add(icon.program);
        icons.push(icon);
      }
      return {
        ...creative,
        trackingEvents: [...creative.trackingEvents, ...linears.flatMap((l) => l.trackingEvents)],
        videoClicks: {
          ...creative.videoClicks,
          clickTrackings: [...creative.videoClicks.clickTrackings, ...linears.flatMap((l) => l.videoClicks.clickTrackings)],
          customClicks: [...creative.videoClicks.customClicks, ...linears.flatMap((l) => l.videoClicks.customClicks)],
        },
        icons,
      };
    }
    case 'nonlinear': {
      if (nonLinears.length === 0) return creative;
      const clickTrackings = nonLinears.flatMap((c) => c.nonLinears.flatMap((n) => n.clickTrackings));
      return {
        ...creative,
        trackingEvents: [...creative.trackingEvents, ...nonLinears.flatMap((c) => c.trackingEvents)],
        nonLinears: creative.nonLinears.map((n) => ({ ...n, clickTrackings: [...n.clickTrackings, ...clickTrackings] })),
      };
    }
    case 'companion':
      return creative;
  }
}

function mergeCompanions(creatives: Creative[], fromWrappers: readonly Companion[]): readonly Creative[] {
  if (fromWrappers.length === 0) return creatives;
  const extra: Companion[] = [];
  let result = creatives;
  for (const wrapperCompanion of fromWrappers) {
    let matched = false;
    result = result.map((creative) => {
      if (creative.type !== 'companion') return creative;
      return {
        ...creative,
        companions: creative.companions.map((companion) => {
          if (!sameSlot(companion, wrapperCompanion)) return companion;
          matched = true;
          return {
            ...companion,
            trackingEvents: [...companion.trackingEvents, ...wrapperCompanion.trackingEvents],
            clickTrackings: [...companion.clickTrackings, ...wrapperCompanion.clickTrackings],
          };
        }),
      };
    });
    if (!matched && wrapperCompanion.resources.length > 0) extra.push(wrapperCompanion);
  }
  if (extra.length === 0) return result;
  const index = result.findIndex((creative) => creative.type === 'companion');
  const host = result[index];
  if (host?.type === 'companion') {
    return result.map((creative, at) => (at === index ? { ...host, companions: [...host.companions, ...extra] } : creative));
  }
  return [...result, { type: 'companion', universalAdIds: [], creativeExtensions: [], companions: extra }];
}

function sameSlot(a: Companion, b: Companion): boolean {
  if (a.adSlotId !== undefined && b.adSlotId !== undefined) return a.adSlotId === b.adSlotId;
  return a.width !== undefined && a.width === b.width && a.height === b.height;
}

function mergeViewable(own: ViewableImpression | undefined, chain: readonly WrapperAd[]): ViewableImpression | undefined {
  const all = [own, ...chain.map((w) => w.viewableImpression)].filter((v): v is ViewableImpression => v !== undefined);
  const first = all[0];
  if (first === undefined) return undefined;
  return {
    ...first,
    viewable: all.flatMap((v) => v.viewable),
    notViewable: all.flatMap((v) => v.notViewable),
    viewUndetermined: all.flatMap((v) => v.viewUndetermined),
  };
}
