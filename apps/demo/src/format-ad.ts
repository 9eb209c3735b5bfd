import type { InlineAd, LinearCreative } from '@vast/parser';

/**
 * Counts the tracking URLs of each event across the linear creatives of an ad, in the order the
 * events first appear. On an ad merged by `@vast/client` this counts every level of the chain.
 *
 * @param ad - an inline ad
 * @returns `[event, count]` pairs
 */
function countTrackingEvents(ad: InlineAd): [string, number][] {
  const counts = new Map<string, number>();
  for (const creative of linearCreatives(ad)) {
    for (const tracking of creative.trackingEvents) {
      counts.set(tracking.event, (counts.get(tracking.event) ?? 0) + 1);
    }
  }
  return [...counts];
}

/**
 * Describes an inline ad in a few lines: id, title, duration, media files, impressions and the
 * tracking URLs per event.
 *
 * @param ad - an inline ad (as parsed, or merged with its wrappers)
 * @param indent - put before each line
 * @returns the lines
 */
export function formatInlineAd(ad: InlineAd, indent = '  '): string[] {
  const linear = linearCreatives(ad);
  const duration = linear.find((c) => c.duration !== undefined)?.duration;
  const mediaFiles = linear.reduce((sum, c) => sum + c.mediaFiles.length, 0);
  const lines = [
    `${indent}id:           ${ad.id ?? '(none)'}`,
    ...(ad.adTitle === undefined ? [] : [`${indent}title:        ${ad.adTitle}`]),
    `${indent}duration:     ${duration === undefined ? 'unknown' : `${duration} s`}`,
    `${indent}media files:  ${mediaFiles}`,
    `${indent}impressions:  ${ad.impressions.length}`,
    `${indent}error URLs:   ${ad.errors.length}`,
  ];
  const events = countTrackingEvents(ad);
  if (events.length === 0) {
    lines.push(`${indent}tracking:     none`);
  } else {
    lines.push(`${indent}tracking URLs per event:`);
    const width = Math.max(...events.map(([event]) => event.length));
    for (const [event, count] of events) lines.push(`${indent}  ${event.padEnd(width)}  ${count}`);
  }
  return lines;
}

function linearCreatives(ad: InlineAd): LinearCreative[] {
  return ad.creatives.filter((c): c is LinearCreative => c.type === 'linear');
}
