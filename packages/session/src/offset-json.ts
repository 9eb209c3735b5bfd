import { isMedia } from './json-checks.js';
import type { ProgressOffset } from './playback-event.js';

/**
 * The unit a format version writes time offsets in: milliseconds in versions 1 and 2, seconds
 * (the parser's own unit, so nothing is lost to rounding) from version 3 on.
 * @internal
 */
export type TimeOffsetUnit = 'ms' | 's';

/**
 * A progress offset from its stored unit and value, frozen.
 *
 * @param unit - the stored unit (`'percent'` or the version's time unit)
 * @param value - the stored value
 * @param timeUnit - the time unit of the document's format version
 * @returns the offset, or `undefined` when the pair is not a valid offset of that version
 * @internal
 */
export function offsetFromJson(unit: unknown, value: unknown, timeUnit: TimeOffsetUnit): ProgressOffset | undefined {
  if (!isMedia(value)) return undefined;
  if (unit === timeUnit) return Object.freeze({ type: 'time', seconds: timeUnit === 'ms' ? value / 1000 : value + 0 });
  if (unit === 'percent' && value <= 100) return Object.freeze({ type: 'percent', percent: value + 0 });
  return undefined;
}

/**
 * A progress offset's stored `[unit, value]` in the current format: `['s', seconds]` or
 * `['percent', percent]`.
 *
 * @param offset - the offset
 * @returns the unit and the value
 * @internal
 */
export function offsetToJson(offset: ProgressOffset): readonly ['s' | 'percent', number] {
  return offset.type === 'time' ? ['s', offset.seconds] : ['percent', offset.percent];
}
