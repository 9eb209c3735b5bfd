import type { ProgressOffset, QuartileEventType } from './playback-event.js';
import { SessionError } from './session-error.js';

/** A mark the playhead crossed: a quartile, or a progress offset of the creative. */
export type QuartileCrossing =
  | { readonly type: QuartileEventType; readonly at: number }
  | { readonly type: 'progress'; readonly at: number; readonly offset: ProgressOffset };

/**
 * Why a tracker reports no quartiles: the duration is not known (`unknown-duration`) or is zero
 * (`zero-duration`). Time-based progress offsets still fire in both cases.
 */
export type QuartileUnavailableReason = 'unknown-duration' | 'zero-duration';

/** Options of {@link QuartileTracker}. */
export interface QuartileTrackerOptions {
  /** The media duration in milliseconds, or `null` when unknown. */
  readonly duration: number | null;
  /**
   * The creative's progress offsets.
   * @defaultValue `[]`
   */
  readonly progressOffsets?: readonly ProgressOffset[];
  /**
   * The furthest position already reached (to resume a tracker), or `null` when none was.
   * @defaultValue `null`
   */
  readonly maxPosition?: number | null;
}

const QUARTILES: readonly (readonly [QuartileEventType, number])[] = [
  ['firstQuartile', 0.25],
  ['midpoint', 0.5],
  ['thirdQuartile', 0.75],
];

/**
 * Checks a progress offset.
 *
 * @param offset - the offset to check
 * @returns a description of the problem, or `undefined` when the offset is valid
 */
function invalidProgressOffset(offset: ProgressOffset): string | undefined {
  if (typeof offset !== 'object' || offset === null) return `must be an offset object, got ${String(offset)}`;
  if (offset.type === 'time') {
    return Number.isFinite(offset.seconds) && offset.seconds >= 0 ? undefined : `seconds must be a finite number >= 0, got ${offset.seconds}`;
  }
  if (offset.type !== 'percent') return `type must be 'time' or 'percent', got ${JSON.stringify((offset as { type: unknown }).type)}`;
  if (!Number.isFinite(offset.percent) || offset.percent < 0 || offset.percent > 100) {
    return `percent must be a finite number from 0 to 100, got ${offset.percent}`;
  }
  return undefined;
}

/**
 * Where a progress offset falls in the media: the one place that turns an offset into a position.
 *
 * @param offset - the offset
 * @param duration - the media duration in ms, or `null` when unknown
 * @returns the media position in ms, or `undefined` for a percent offset without a known, non-zero
 *   duration
 */
function offsetPosition(offset: ProgressOffset, duration: number | null): number | undefined {
  if (offset.type === 'time') {
    // 2.007 s is 2007.0000000000002 ms in doubles: a time that is a whole number of ms to within a
    // nanosecond is that number, so a player at 2007 ms reaches it (and 2007 ms read back from a
    // version 2 document is where it fired).
    const ms = offset.seconds * 1000;
    const whole = Math.round(ms);
    return Math.abs(ms - whole) < 1e-6 ? whole : ms;
  }
  return duration !== null && duration > 0 ? (duration * offset.percent) / 100 : undefined;
}

/** A frozen copy of an offset, with only the fields of its type. */
function copyOffset(offset: ProgressOffset): ProgressOffset {
  return Object.freeze(offset.type === 'time' ? { type: 'time', seconds: offset.seconds + 0 } : { type: 'percent', percent: offset.percent + 0 });
}

/** Throws unless `position` is a media position (finite, >= 0). */
const NO_OFFSETS: readonly ProgressOffset[] = Object.freeze([]);

function byPosition(a: QuartileCrossing, b: QuartileCrossing): number {
  return a.at - b.at;
}

function checkPosition(position: number): void {
  if (!Number.isFinite(position) || position < 0) {
    throw new SessionError('INVALID_SESSION_ARGUMENT', `position must be a finite number >= 0, got ${position}`);
  }
}

/**
 * Turns a media playhead into the quartile and progress events it newly crossed. Each mark fires
 * once: seeking forward past several fires all of them in order, seeking back fires none again
 * (the tracker remembers the furthest position reached). With a zero or unknown duration there
 * are no quartiles and no percent offsets; time offsets still fire.
 *
 * @example
 * ```ts
 * const tracker = new QuartileTracker({ duration: 30_000, progressOffsets: [{ type: 'time', seconds: 5 }] });
 * tracker.update(6_000).map((m) => m.type); // ['progress']
 * tracker.update(16_000).map((m) => m.type); // ['firstQuartile', 'midpoint']
 * tracker.update(1_000); // [] (seeking back fires nothing)
 * ```
 */
export class QuartileTracker {
  /** The media duration in milliseconds, or `null` when unknown. */
  readonly duration: number | null;
  /** The creative's progress offsets, as given. */
  readonly progressOffsets: readonly ProgressOffset[];
  // Built on the first update: a restored session that is only read or saved never needs them.
  #marks: readonly QuartileCrossing[] | undefined;
  #next = 0;
  #maxPosition: number | null;

  /**
   * @param options - duration, progress offsets and, to resume, the furthest position reached
   * @throws {@link SessionError} `INVALID_SESSION_ARGUMENT` when the duration is negative or not finite, an offset is invalid, or
   *   `maxPosition` is negative or not finite
   * @throws {@link SessionError} `INVALID_SESSION_ARGUMENT` when `progressOffsets` is not an array
   */
  constructor(options: QuartileTrackerOptions) {
    const { duration } = options;
    if (duration !== null && (!Number.isFinite(duration) || duration < 0)) {
      throw new SessionError('INVALID_SESSION_ARGUMENT', `duration must be null or a finite number >= 0, got ${String(duration)}`);
    }
    this.duration = duration === null ? null : duration + 0;
    const offsets = options.progressOffsets ?? [];
    if (!Array.isArray(offsets)) throw new SessionError('INVALID_SESSION_ARGUMENT', `progressOffsets must be an array, got ${typeof offsets}`);
    for (let index = 0; index < offsets.length; index++) {
      const problem = invalidProgressOffset(offsets[index] as ProgressOffset);
      if (problem !== undefined) throw new SessionError('INVALID_SESSION_ARGUMENT', `progressOffsets[${index}]: ${problem}`);
    }
    // Copied and frozen: the caller cannot change a session's offsets after the fact.
    this.progressOffsets = offsets.length === 0 ? NO_OFFSETS : Object.freeze(offsets.map(copyOffset));
    const maxPosition = options.maxPosition ?? null;
    if (maxPosition !== null) checkPosition(maxPosition);
    this.#maxPosition = maxPosition === null ? null : maxPosition + 0;
  }

  /** The marks in media order, the ones up to the furthest position so far already passed. */
  #buildMarks(): readonly QuartileCrossing[] {
    const { duration } = this;
    const marks: QuartileCrossing[] = [];
    if (duration !== null && duration > 0) {
      for (const [type, fraction] of QUARTILES) marks.push({ type, at: duration * fraction });
    }
    for (const offset of this.progressOffsets) {
      const at = offsetPosition(offset, duration);
      if (at !== undefined) marks.push({ type: 'progress', at, offset });
    }
    // Stable sort: at equal positions quartiles come first, then offsets in the order given. The
    // quartiles alone are in order already (most ads have no progress offsets).
    if (marks.length > QUARTILES.length || duration === null || duration <= 0) marks.sort(byPosition);
    const reached = this.#maxPosition;
    if (reached !== null) while (this.#next < marks.length && (marks[this.#next] as QuartileCrossing).at <= reached) this.#next++;
    this.#marks = marks;
    return marks;
  }

  /** `null` when quartiles fire, or why they do not. */
  get unavailableReason(): QuartileUnavailableReason | null {
    if (this.duration === null) return 'unknown-duration';
    return this.duration === 0 ? 'zero-duration' : null;
  }

  /**
   * Where the next mark not yet crossed lies (ms), or `null` when every mark has fired. A player
   * on a clock wakes up there instead of polling the playhead.
   */
  get nextMarkAt(): number | null {
    const marks = this.#marks ?? this.#buildMarks();
    return marks[this.#next]?.at ?? null;
  }

  /** The furthest position reported so far, or `null` before the first update. */
  get maxPosition(): number | null {
    return this.#maxPosition;
  }

  /**
   * Reports the playhead.
   *
   * @param position - the media position in milliseconds
   * @returns the marks crossed for the first time, in media order
   * @throws {@link SessionError} `INVALID_SESSION_ARGUMENT` when `position` is negative or not finite
   */
  update(position: number): QuartileCrossing[] {
    checkPosition(position);
    const marks = this.#marks ?? this.#buildMarks();
    if (this.#maxPosition === null || position > this.#maxPosition) this.#maxPosition = position + 0;
    const crossed: QuartileCrossing[] = [];
    for (let mark = marks[this.#next]; mark !== undefined && mark.at <= position; mark = marks[this.#next]) {
      crossed.push(mark);
      this.#next++;
    }
    return crossed;
  }
}
