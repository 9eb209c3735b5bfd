import { TrackerError } from './tracker-error.js';

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Formats a playhead as the IAB timecode `HH:MM:SS.mmm` (used by `[ADPLAYHEAD]`,
 * `[MEDIAPLAYHEAD]` and `[CONTENTPLAYHEAD]`). Negative or non-finite input gives `00:00:00.000`;
 * hours are not wrapped.
 *
 * @param ms - the playhead in milliseconds (rounded to the nearest millisecond)
 * @returns the timecode, e.g. `00:01:05.250` for `65250`
 */
export function formatTimecode(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 0;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(total % 1000, 3)}`;
}

/**
 * Formats an instant as ISO 8601 with milliseconds and a numeric offset, the `[TIMESTAMP]`
 * format: `YYYY-MM-DDTHH:MM:SS.mmm+HH:MM`.
 *
 * @param epochMs - milliseconds since the Unix epoch (from a `TimeProvider`)
 * @param offsetMinutes - the zone offset east of UTC, e.g. `-300` for UTC-05:00
 * @defaultValue offsetMinutes `0` (UTC, written `+00:00`)
 * @returns the timestamp, e.g. `2016-01-17T08:15:07.127-05:00`
 * @throws {@link TrackerError} `INVALID_TRACKER_ARGUMENT` when `epochMs` is not a valid time
 */
export function formatTimestamp(epochMs: number, offsetMinutes = 0): string {
  const date = new Date(epochMs + offsetMinutes * 60_000);
  if (Number.isNaN(date.getTime())) {
    throw new TrackerError('INVALID_TRACKER_ARGUMENT', `formatTimestamp: ${String(epochMs)} is not a time a Date can hold`);
  }
  const local = date.toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local.slice(0, -1)}${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}
