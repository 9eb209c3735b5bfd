// Whether a decoded log is one a live session could have written: the log is replayed through the
// same rules the session runs on (the transition table and a QuartileTracker), so there is one
// implementation of the rules, not a second copy of them.
import { InvalidSessionJsonError } from './invalid-session-json-error.js';
import type { PlaybackEvent, ProgressOffset } from './playback-event.js';
import type { PlaybackStatus } from './playback-status.js';
import { followingStatus, nextStatus } from './playback-transitions.js';
import { QuartileTracker, type QuartileCrossing } from './quartile-tracker.js';

/**
 * A decoded session, as far as its log goes.
 * @internal
 */
export interface SessionLog {
  readonly createdAt: number;
  readonly loadedAt: number | null;
  readonly duration: number | null;
  readonly progressOffsets: readonly ProgressOffset[];
  readonly position: number;
  readonly events: readonly PlaybackEvent[];
}

/**
 * What the replay of a legal log ends with.
 * @internal
 */
export interface CheckedLog {
  /** The status the log leads to. */
  readonly status: PlaybackStatus;
  /** The furthest position the log shows the playhead at (marks up to it have fired), or `null`. */
  readonly maxPosition: number | null;
}

function isMark(event: PlaybackEvent): boolean {
  switch (event.type) {
    case 'firstQuartile':
    case 'midpoint':
    case 'thirdQuartile':
    case 'progress':
      return true;
    default:
      return false;
  }
}

const SLOTS_V1 = ['type', 'mediaTime', 'clockTime', 'offset'] as const;

/** The path of a field of event `index`: `events[3][2]`, or `events[3].clockTime` in version 1. */
function at(version: number, index: number, slot: 0 | 1 | 2 | 3): string {
  return version === 1 ? `events[${index}].${SLOTS_V1[slot]}` : `events[${index}][${slot}]`;
}

function refuse(path: string, message: string, value: unknown): never {
  throw new InvalidSessionJsonError([{ path, message }], value);
}

function sameOffset(a: ProgressOffset, b: ProgressOffset): boolean {
  return a.type === 'time' ? b.type === 'time' && a.seconds === b.seconds : b.type === 'percent' && a.percent === b.percent;
}

const describeMark = (mark: QuartileCrossing): string =>
  mark.type !== 'progress'
    ? mark.type
    : `progress ${mark.offset.type === 'time' ? `${mark.offset.seconds} s` : `${mark.offset.percent}%`}`;

/**
 * Replays a decoded log through the session's rules and throws at the first event no session
 * could have logged there: a command its status refuses; a clock time before `createdAt`, before
 * the event before it, or (for the first command that moves on from `loading`) before `loadedAt`;
 * a media time that moved while the playhead could not move (before `start`, while paused); a
 * quartile or progress event that the position update it belongs to would not fire (a duplicate,
 * one before its mark, one whose earlier marks are missing), or a position the playhead reached
 * without logging the marks it passed; `complete` before the end of a known duration. The final
 * `position` must be where the log leaves the playhead (or, while playing, a place it could have
 * moved to without passing a mark).
 *
 * @param log - the decoded fields and events
 * @param version - the format version, for the paths in errors (`events[3][2]` or `events[3].clockTime`)
 * @param furthest - the furthest position a version 1 document states: no mark up to it may be
 *   left unlogged
 * @returns the status the log leads to and the furthest position it shows
 * @throws {@link InvalidSessionJsonError} (code `INVALID_SESSION_JSON`) naming the first bad field
 * @internal
 */
export function checkSessionLog(log: SessionLog, version: number, furthest: number | null = null): CheckedLog {
  const { createdAt, loadedAt, duration, events } = log;
  if (loadedAt !== null && loadedAt < createdAt) refuse('loadedAt', `before createdAt (${createdAt})`, loadedAt);
  const tracker = new QuartileTracker({ duration, progressOffsets: log.progressOffsets });
  let status: PlaybackStatus = loadedAt === null ? 'created' : 'loading';
  let clock = createdAt;
  let position = 0;
  // The position update that logged the marks from `group` on, and what it fired.
  let crossed: QuartileCrossing[] = [];
  let group = -1;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as PlaybackEvent;
    const next = followingStatus(status, event.type);
    if (next === undefined) {
      let cause: unknown;
      try {
        nextStatus(status, event.type);
      } catch (error) {
        cause = error;
      }
      throw new InvalidSessionJsonError(
        [{ path: at(version, i, 0), message: `"${event.type}" cannot follow status "${status}" in the log` }],
        event.type,
        { cause },
      );
    }
    if (event.clockTime < clock) {
      refuse(at(version, i, 2), `clock time goes back: before ${i === 0 ? 'createdAt' : 'the event before'} (${clock})`, event.clockTime);
    }
    // load() happened while the status was still `created`, so before the first event that moved it.
    if (loadedAt !== null && status === 'loading' && next !== status && event.clockTime < loadedAt) {
      refuse(at(version, i, 2), `before loadedAt (${loadedAt}), but "${event.type}" comes after load()`, event.clockTime);
    }
    clock = event.clockTime;
    if (isMark(event)) {
      if (group < 0 || i - group >= crossed.length) {
        // A new position update: it fires every mark not yet fired up to its position, in order.
        crossed = tracker.update(event.mediaTime);
        group = i;
        position = event.mediaTime;
        if (crossed.length === 0) refuse(at(version, i, 0), `no ${event.type} is due at media time ${event.mediaTime} (logged before, or not reached yet)`, event.type);
      } else {
        // The rest of the marks the update at `position` fired: the same media and clock time.
        const first = events[group] as PlaybackEvent;
        if (event.mediaTime !== position) {
          refuse(at(version, i, 1), `the position update at ${position} ms also fired ${describeMark(crossed[i - group] as QuartileCrossing)}, which must come first`, event.mediaTime);
        }
        if (event.clockTime !== first.clockTime) refuse(at(version, i, 2), `marks logged by one position update share its clock time (${first.clockTime})`, event.clockTime);
      }
      const mark = crossed[i - group] as QuartileCrossing;
      if (mark.type !== event.type) refuse(at(version, i, 0), `the playhead at ${event.mediaTime} ms reaches ${describeMark(mark)} first`, event.type);
      if (mark.type === 'progress' && event.type === 'progress' && !sameOffset(mark.offset, event.offset)) {
        refuse(at(version, i, 3), `the playhead at ${event.mediaTime} ms reaches ${describeMark(mark)} here`, event.offset);
      }
    } else {
      if (group >= 0 && i - group < crossed.length) {
        refuse(at(version, i, 0), `the position update at ${position} ms also fired ${describeMark(crossed[i - group] as QuartileCrossing)}, which must come first`, event.type);
      }
      if (event.mediaTime !== position) {
        if (status !== 'playing') refuse(at(version, i, 1), `the playhead is at ${position} ms and only moves while playing`, event.mediaTime);
        const passed = tracker.update(event.mediaTime)[0];
        if (passed !== undefined) refuse(at(version, i, 1), `the playhead got here past ${describeMark(passed)}, which is not logged`, event.mediaTime);
        position = event.mediaTime;
      }
      if (event.type === 'complete' && duration !== null && position < duration) {
        refuse(at(version, i, 1), `complete() moves the playhead to the end (${duration} ms) first`, event.mediaTime);
      }
    }
    status = next;
  }
  if (group >= 0 && events.length - group < crossed.length) {
    refuse('events', `the position update at ${position} ms also fired ${describeMark(crossed[events.length - group] as QuartileCrossing)}, which is not logged`, undefined);
  }
  if (log.position !== position) {
    if (status !== 'playing') refuse('position', `the log leaves the playhead at ${position} ms (it only moves while playing)`, log.position);
    const passed = tracker.update(log.position)[0];
    if (passed !== undefined) refuse('position', `the playhead got here past ${describeMark(passed)}, which is not logged`, log.position);
  }
  const passed = furthest === null ? undefined : tracker.update(furthest)[0];
  if (passed !== undefined) refuse('maxPosition', `the playhead got here past ${describeMark(passed)}, which is not logged`, furthest);
  return { status, maxPosition: tracker.maxPosition };
}
