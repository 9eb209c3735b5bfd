import type { ProgressOffset, QuartileEventType } from './playback-event.js';

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
  if (!Number.isFinite(offset.value) || offset.value < 0) return `must be a finite number >= 0, got ${offset.value}`;
  if (offset.unit === 'percent' && offset.value > 100) return `percent must be at most 100, got ${offset.value}`;
  return undefined;
}

/**
 * Turns a media playhead into the quartile and progress events it newly crossed. Each mark fires
 * once: seeking forward past several fires all of them in order, seeking back fires none again
 * (the tracker remembers the furthest position reached). With a zero or unknown duration there
 * are no quartiles and no percent offsets; time offsets still fire.
 *
 * @example
 * ```ts
 * const tracker = new QuartileTracker({ duration: 30_000, progressOffsets: [{ unit: 'ms', value: 5_000 }] });
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
  readonly #marks: readonly QuartileCrossing[];
  #next = 0;
  #maxPosition: number | null = null;

  /**
   * @param options - duration, progress offsets and, to resume, the furthest position reached
   * @throws RangeError when the duration is negative or not finite, or an offset is invalid
   */
  constructor(options: QuartileTrackerOptions) {
    const { duration } = options;
    if (duration !== null && (!Number.isFinite(duration) || duration < 0)) {
      throw new RangeError(`duration must be null or a finite number >= 0, got ${duration}`);
    }
    this.duration = duration;
    this.progressOffsets = Object.freeze([...(options.progressOffsets ?? [])]);
    const marks: QuartileCrossing[] = [];
    if (duration !== null && duration > 0) {
      for (const [type, fraction] of QUARTILES) marks.push({ type, at: duration * fraction });
    }
    this.progressOffsets.forEach((offset, index) => {
      const problem = invalidProgressOffset(offset);
      if (problem !== undefined) throw new RangeError(`progressOffsets[${index}].value ${problem}`);
      if (offset.unit === 'ms') marks.push({ type: 'progress', at: offset.value, offset });
      else if (duration !== null && duration > 0) {
        marks.push({ type: 'progress', at: (duration * offset.value) / 100, offset });
      }
    });
    // Stable sort: at equal positions quartiles come first, then offsets in the order given.
    this.#marks = marks.sort((a, b) => a.at - b.at);
    if (options.maxPosition !== undefined && options.maxPosition !== null) this.update(options.maxPosition);
  }

  /** `null` when quartiles fire, or why they do not. */
  get unavailableReason(): QuartileUnavailableReason | null {
    if (this.duration === null) return 'unknown-duration';
    return this.duration === 0 ? 'zero-duration' : null;
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
   * @throws RangeError when `position` is negative or not finite
   */
  update(position: number): QuartileCrossing[] {
    if (!Number.isFinite(position) || position < 0) {
      throw new RangeError(`position must be a finite number >= 0, got ${position}`);
    }
    if (this.#maxPosition === null || position > this.#maxPosition) this.#maxPosition = position + 0;
    const crossed: QuartileCrossing[] = [];
    for (let mark = this.#marks[this.#next]; mark !== undefined && mark.at <= position; mark = this.#marks[this.#next]) {
      crossed.push(mark);
      this.#next++;
    }
    return crossed;
  }
}
