import { offsetKey } from './tracker.js';
import type { ProgressOffset, TrackingSet } from './tracking-set.js';

/**
 * The distinct progress offsets of a tracking set, over every level, in the order they first
 * appear. Give them to the session (`progressOffsets` of `@vast/session`'s `PlaybackSession`) so
 * that it logs each one when the playhead reaches it; {@link Tracker.reached} then fires every
 * URL of that offset on every level.
 *
 * @param tracking - the tracking set
 * @returns each offset once (offsets equal in kind and value count once)
 * @example
 * ```ts
 * const session = new PlaybackSession({ id, adId, duration: 30_000, progressOffsets: progressOffsetsOf(tracking), time });
 * ```
 */
export function progressOffsetsOf(tracking: TrackingSet): ProgressOffset[] {
  const seen = new Set<string>();
  const offsets: ProgressOffset[] = [];
  for (const level of tracking.levels) {
    for (const entry of level.events) {
      if (entry.event !== 'progress' || entry.offset === undefined) continue;
      const key = offsetKey(entry.offset);
      if (seen.has(key)) continue;
      seen.add(key);
      offsets.push(entry.offset);
    }
  }
  return offsets;
}
