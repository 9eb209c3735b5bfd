import { encodeMacroValue } from './encode-macro-value.js';
import { THREE_DIGITS, TWO_DIGITS } from './digit-tables.js';
import { formatTimecode, formatTimestamp } from './format-timecode.js';

/** The largest distance from the epoch a `Date` can hold (ECMA-262: 100,000,000 days). */
const MAX_DATE_MS = 8.64e15;

/** `'00%3A00%3A'` to `'00%3A59%3A'`: hours and minutes of a playhead in its first hour. */
const FIRST_HOUR: readonly string[] = TWO_DIGITS.slice(0, 60).map((minutes) => `00%3A${minutes}%3A`);
/** `'00.'` to `'59.'`: seconds of a playhead, before its milliseconds. */
const SECONDS: readonly string[] = TWO_DIGITS.slice(0, 60).map((seconds) => `${seconds}.`);
/** Playheads from here on (100 hours) have hours of three digits or more: formatted the long way. */
const TABLE_LIMIT = 100 * 3_600_000;

/**
 * Encoded `[TIMESTAMP]` and playhead texts, as {@link formatTimestamp} and {@link formatTimecode}
 * then percent-encoding give them, but formatted once per second: within a second only the
 * milliseconds change, so a clock that moves on every beacon costs a concatenation, not a
 * `Date` and an encoding.
 * @internal
 */
export class EncodedClockText {
  readonly #offset: number;
  #second = Number.NaN;
  #head = '';
  #tail = '';

  /** @param offsetMinutes - zone offset of the timestamp, minutes east of UTC */
  constructor(offsetMinutes: number) {
    this.#offset = offsetMinutes;
  }

  /**
   * @param epochMs - the clock's time
   * @returns `encodeMacroValue(formatTimestamp(epochMs, offsetMinutes))`
   * @throws `TrackerError` `INVALID_TRACKER_ARGUMENT` when `epochMs` is not a time a `Date` can hold
   */
  timestamp(epochMs: number): string {
    // The same instant `new Date()` takes in formatTimestamp (it truncates towards zero).
    const instant = Math.trunc(epochMs + this.#offset * 60_000);
    const second = Math.floor(instant / 1000);
    const millis = THREE_DIGITS[instant - second * 1000];
    // The last second a Date can hold has invalid instants after its valid ones: check the range.
    if (second === this.#second && millis !== undefined && instant <= MAX_DATE_MS && instant >= -MAX_DATE_MS) return this.#head + millis + this.#tail;
    const text = encodeMacroValue(formatTimestamp(epochMs, this.#offset));
    // `...SS.mmm%2B00%3A00`: everything but the milliseconds after the last dot is the second's.
    const dot = text.lastIndexOf('.');
    if (millis !== undefined && text.slice(dot + 1, dot + 4) === millis) {
      this.#second = second;
      this.#head = text.slice(0, dot + 1);
      this.#tail = text.slice(dot + 4);
    }
    return text;
  }

  /**
   * @param ms - a playhead in milliseconds
   * @returns `formatTimecode(ms)` with `:` encoded as `%3A`
   */
  timecode(ms: number): string {
    // Every session is at its own playhead, so this is built from tables, not cached.
    const total = Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 0;
    if (total >= TABLE_LIMIT) return formatTimecode(ms).replaceAll(':', '%3A');
    const seconds = Math.floor(total / 1000);
    const minutes = Math.floor(seconds / 60);
    // Three pieces, not seven: each concatenation is an allocation on every beacon.
    const head = minutes < 60 ? (FIRST_HOUR[minutes] as string) : `${TWO_DIGITS[Math.floor(minutes / 60)] as string}%3A${TWO_DIGITS[minutes % 60] as string}%3A`;
    return head + (SECONDS[seconds % 60] as string) + (THREE_DIGITS[total % 1000] as string);
  }
}
