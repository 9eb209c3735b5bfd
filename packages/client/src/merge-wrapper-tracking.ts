import type {
  Companion,
  Creative,
  Icon,
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
  // One pass over the wrappers, innermost first; a list the wrappers add nothing to is the ad's own.
  let impressions = inline.impressions;
  let errors = inline.errors;
  let verifications = inline.verifications;
  let extensions = inline.extensions;
  let blockedAdCategories = inline.blockedAdCategories;
  let viewable: ViewableImpression[] | undefined;
  const linears: LinearCreative[] = [];
  const nonLinears: NonLinearCreative[] = [];
  const companions: Companion[] = [];
  for (let index = wrappers.length - 1; index >= 0; index--) {
    const wrapper = wrappers[index] as WrapperAd;
    impressions = append(impressions, wrapper.impressions);
    errors = append(errors, wrapper.errors);
    verifications = append(verifications, wrapper.verifications);
    extensions = append(extensions, wrapper.extensions);
    blockedAdCategories = append(blockedAdCategories, wrapper.blockedAdCategories);
    if (wrapper.viewableImpression !== undefined) (viewable ??= []).push(wrapper.viewableImpression);
    for (const creative of wrapper.creatives) {
      if (creative.type === 'linear') linears.push(creative);
      else if (creative.type === 'nonlinear') nonLinears.push(creative);
      else companions.push(...creative.companions);
    }
  }
  const creatives =
    linears.length === 0 && nonLinears.length === 0
      ? inline.creatives
      : inline.creatives.map((creative) => mergeCreative(creative, linears, nonLinears));
  const viewableImpression = mergeViewable(inline.viewableImpression, viewable);
  return {
    ...inline,
    impressions,
    errors,
    verifications,
    extensions,
    blockedAdCategories,
    creatives: mergeCompanions(creatives, companions),
    ...(viewableImpression === undefined ? {} : { viewableImpression }),
  };
}

/** `own` followed by `extra`: `own` itself when `extra` is empty (lists of the model are frozen). */
function append<T>(own: readonly T[], extra: readonly T[]): readonly T[] {
  if (extra.length === 0) return own;
  if (own.length === 0) return extra;
  return [...own, ...extra];
}

/** Every item of `lists`' `pick` after `own`, or `own` itself when they add nothing. */
function appendEach<S, T>(own: readonly T[], lists: readonly S[], pick: (source: S) => readonly T[]): readonly T[] {
  let out: readonly T[] = own;
  for (const source of lists) out = append(out, pick(source));
  return out;
}

function mergeCreative(
  creative: Creative,
  linears: readonly LinearCreative[],
  nonLinears: readonly NonLinearCreative[],
): Creative {
  switch (creative.type) {
    case 'linear': {
      if (linears.length === 0) return creative;
      let icons: Icon[] | undefined;
      let programs: Set<string | undefined> | undefined;
      for (const linear of linears) {
        for (const icon of linear.icons) {
          programs ??= new Set(creative.icons.map((own) => own.program));
          if (icon.program !== undefined && programs.has(icon.program)) continue;
          programs.add(icon.program);
          (icons ??= [...creative.icons]).push(icon);
        }
      }
      const clickTrackings = appendEach(creative.videoClicks.clickTrackings, linears, (l) => l.videoClicks.clickTrackings);
      const customClicks = appendEach(creative.videoClicks.customClicks, linears, (l) => l.videoClicks.customClicks);
      return {
        ...creative,
        trackingEvents: appendEach(creative.trackingEvents, linears, (l) => l.trackingEvents),
        videoClicks:
          clickTrackings === creative.videoClicks.clickTrackings && customClicks === creative.videoClicks.customClicks
            ? creative.videoClicks
            : { ...creative.videoClicks, clickTrackings, customClicks },
        icons: icons ?? creative.icons,
      };
    }
    case 'nonlinear': {
      if (nonLinears.length === 0) return creative;
      const clickTrackings = nonLinears.flatMap((c) => c.nonLinears.flatMap((n) => n.clickTrackings));
      return {
        ...creative,
        trackingEvents: appendEach(creative.trackingEvents, nonLinears, (c) => c.trackingEvents),
        nonLinears:
          clickTrackings.length === 0
            ? creative.nonLinears
            : creative.nonLinears.map((n) => ({ ...n, clickTrackings: [...n.clickTrackings, ...clickTrackings] })),
      };
    }
    case 'companion':
      return creative;
  }
}

function mergeCompanions(creatives: readonly Creative[], fromWrappers: readonly Companion[]): readonly Creative[] {
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

function mergeViewable(
  own: ViewableImpression | undefined,
  fromWrappers: readonly ViewableImpression[] | undefined,
): ViewableImpression | undefined {
  if (fromWrappers === undefined) return own;
  const all = own === undefined ? fromWrappers : [own, ...fromWrappers];
  const first = all[0] as ViewableImpression;
  if (all.length === 1) return first;
  return {
    ...first,
    viewable: all.flatMap((v) => v.viewable),
    notViewable: all.flatMap((v) => v.notViewable),
    viewUndetermined: all.flatMap((v) => v.viewUndetermined),
  };
}
