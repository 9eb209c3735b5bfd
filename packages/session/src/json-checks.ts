// Small checks shared by the hand-written decoders of every session JSON version.

/** Whether `value` is a plain object (not an array, not a class instance). @internal */
export function isObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** How many own enumerable keys `value` has. @internal */
export function keyCount(value: object): number {
  return Object.keys(value).length;
}

/** A finite number. @internal */
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** A finite number >= 0 (a media time). @internal */
export const isMedia = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
/** `null` or a finite number. @internal */
export const nullableNumber = (v: unknown): v is number | null => v === null || isNumber(v);
/** `null` or a finite number >= 0. @internal */
export const nullableMedia = (v: unknown): v is number | null => v === null || isMedia(v);
/** `-0` as `0` (what JSON writes), `null` kept. @internal */
export const plusZero = (v: number | null): number | null => (v === null ? null : v + 0);

/**
 * Decodes every item of an array, or returns `undefined` when `value` is not an array or an item
 * does not decode. @internal
 */
export function fastArray<T>(value: unknown, item: (v: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) {
    const decoded = item(value[i]);
    if (decoded === undefined) return undefined;
    out[i] = decoded;
  }
  return out;
}

/** The value at `path` inside `input`, or `undefined`. @internal */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}
