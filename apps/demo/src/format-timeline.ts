import type { PlaybackEvent } from '@vast/session';
import type { BeaconOutcome } from '@vast/tracker';
import { describeOutcome } from './format-outcome.js';
import { formatTable } from './format-table.js';

/** The beacon events each logged event fires (as `TrackedPlayback` of `@vast/player-core` does). */
function beaconEventsOf(event: PlaybackEvent): readonly string[] {
  switch (event.type) {
    case 'close':
      return ['closeLinear', 'close'];
    case 'stop':
    case 'interruption':
      return [];
    default:
      return [event.type];
  }
}

/** The name of a tracker level: `inline`, or the wrapper's depth from the ad tag (1 the outermost). */
function levelName(level: number, wrappers: number): string {
  return level === 0 ? 'inline' : `wrapper ${wrappers - level + 1}`;
}

/** What the event says beyond its type: the offset, the interruption, the error code. */
function eventLabel(event: PlaybackEvent): string {
  switch (event.type) {
    case 'progress':
      return `progress ${event.offset.type === 'time' ? `${event.offset.seconds}s` : `${event.offset.percent}%`}`;
    case 'interruption':
      return `interruption (${event.interruptionType})`;
    case 'error':
      return `error ${event.code}`;
    default:
      return event.type;
  }
}

/**
 * The timeline of a playback: one row per beacon (media time, event, beacon URL, level, outcome),
 * and one row for each logged event that fires none (stop, an interruption). Beacons are matched
 * to the events that fired them by event name and clock time, in log order.
 *
 * @param events - the session's log
 * @param outcomes - the beacon outcomes of the playback
 * @param wrappers - how many wrappers the ad came through (for the level names)
 * @returns the lines, a header first
 */
export function formatTimeline(events: readonly PlaybackEvent[], outcomes: readonly BeaconOutcome[], wrappers: number): string[] {
  const pending = [...outcomes].sort((a, b) => a.beacon.id - b.beacon.id);
  const rows: string[][] = [['media time', 'event', 'level', 'outcome', 'beacon']];
  events.forEach((event, index) => {
    const names = beaconEventsOf(event);
    const later = events.slice(index + 1).find((next) => beaconEventsOf(next).some((name) => names.includes(name)));
    const mine = pending.filter(
      (o) => names.includes(o.beacon.event) && o.beacon.time >= event.clockTime && (later === undefined || o.beacon.time < later.clockTime),
    );
    const time = `${(event.mediaTime / 1000).toFixed(3)} s`;
    if (mine.length === 0) rows.push([time, eventLabel(event), '-', '-', '-']);
    for (const outcome of mine) {
      pending.splice(pending.indexOf(outcome), 1);
      rows.push([time, eventLabel(event), levelName(outcome.beacon.level, wrappers), describeOutcome(outcome), outcome.beacon.url]);
    }
  });
  return formatTable(rows);
}
