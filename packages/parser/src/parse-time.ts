import type { Offset } from './offset.js';

/**
 * Reads a VAST time, `HH:MM:SS` or `HH:MM:SS.mmm` (hours may have any number of digits), as
 * seconds; `undefined` when it is not one, or when its hours are too many to be a finite number.
 * @internal
 */
export function parseTime(value: string): number | undefined {
  const parts = value.trim().split(':');
  if (parts.length !== 3) return undefined;
  const [h, m, s] = parts as [string, string, string];
  if (!/^\d+$/.test(h) || !/^\d{1,2}$/.test(m) || !/^\d{1,2}(\.\d+)?$/.test(s)) return undefined;
  const minutes = Number(m);
  const seconds = Number(s);
  if (minutes >= 60 || seconds >= 60) return undefined;
  const total = Math.round((Number(h) * 3600 + minutes * 60 + seconds) * 1000) / 1000;
  return Number.isFinite(total) ? total : undefined;
}

/**
 * Reads an offset: a VAST time, or a percentage `n%` (0 to 100); `undefined` when it is neither.
 * @internal
 */
export function parseOffset(value: string): Offset | undefined {
  const trimmed = value.trim();
  if (trimmed.endsWith('%')) {
    const digits = trimmed.slice(0, -1).trim();
    if (!/^\d+(\.\d+)?$/.test(digits)) return undefined;
    const percent = Number(digits);
    return percent <= 100 ? Object.freeze({ type: 'percent', percent }) : undefined;
  }
  const seconds = parseTime(trimmed);
  return seconds === undefined ? undefined : Object.freeze({ type: 'time', seconds });
}
