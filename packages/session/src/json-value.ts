import { InvalidSessionJsonError, formatJsonPath } from './invalid-session-json-error.js';

/** A plain JSON value: what a session keeps as its config snapshot. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Returned by {@link tryCloneJson} when the value is not plain JSON. */
export const NOT_JSON: unique symbol = Symbol('not JSON');

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A deep, frozen copy of a plain JSON value, or {@link NOT_JSON}. Numbers must be finite (`-0`
 * becomes `0`, as JSON would write it); objects must be plain.
 *
 * @param value - anything
 * @returns the frozen copy, or `NOT_JSON`
 * @internal
 */
export function tryCloneJson(value: unknown): JsonValue | typeof NOT_JSON {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : NOT_JSON;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const copy: JsonValue[] = new Array<JsonValue>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item = tryCloneJson(value[i]);
          if (item === NOT_JSON) return NOT_JSON;
          copy[i] = item;
        }
        return Object.freeze(copy);
      }
      if (!isPlainObject(value)) return NOT_JSON;
      const copy: Record<string, JsonValue> = {};
      for (const key of Object.keys(value)) {
        const item = tryCloneJson((value as Record<string, unknown>)[key]);
        if (item === NOT_JSON) return NOT_JSON;
        // A "__proto__" key is data in JSON; assigning it would set the prototype instead.
        if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
        else copy[key] = item;
      }
      return Object.freeze(copy);
    }
    default:
      return NOT_JSON;
  }
}

/**
 * Freezes, in place, a value that `JSON.parse` just returned and nobody else holds (so it is plain
 * JSON already), turning `-0` into `0` as {@link tryCloneJson} does.
 *
 * @param value - the output of `JSON.parse`
 * @returns the same value, deeply frozen
 * @internal
 */
export function freezeParsedJson(value: unknown): JsonValue {
  if (typeof value !== 'object' || value === null) return value === 0 ? 0 : (value as JsonValue);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === 'object' && item !== null) freezeParsedJson(item);
    else if (item === 0) record[key] = 0;
  }
  return Object.freeze(value) as JsonValue;
}

/** The path and value of the first part of `value` that is not plain JSON. */
function findNonJson(value: unknown, path: PropertyKey[]): { path: PropertyKey[]; value: unknown } | undefined {
  if (typeof value === 'object' && value !== null) {
    if (Array.isArray(value) || isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        const found = findNonJson((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key]);
        if (found) return found;
      }
      return undefined;
    }
    return { path, value };
  }
  return tryCloneJson(value) === NOT_JSON ? { path, value } : undefined;
}

/**
 * A deep, frozen copy of a plain JSON value.
 *
 * @param value - anything
 * @param root - the path the value sits at, for the error
 * @returns the frozen copy
 * @throws {@link InvalidSessionJsonError} (code `INVALID_SESSION_JSON`) naming the first part that
 *   is not plain JSON (undefined, a function, a non-finite number, a Date or class instance, ...)
 * @internal
 */
export function cloneJson(value: unknown, root: readonly PropertyKey[]): JsonValue {
  const copy = tryCloneJson(value);
  if (copy !== NOT_JSON) return copy;
  const found = findNonJson(value, [...root]) ?? { path: [...root], value };
  throw new InvalidSessionJsonError(
    [{ path: formatJsonPath(found.path), message: 'not a plain JSON value' }],
    found.value,
  );
}
