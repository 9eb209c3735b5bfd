import { InvalidSessionJsonError, formatJsonPath } from './invalid-session-json-error.js';

/** A plain JSON value: what a session keeps as its config snapshot. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Returned by {@link tryCloneJson} when the value is not plain JSON. */
export const NOT_JSON: unique symbol = Symbol('not JSON');

/**
 * How deeply a config snapshot may nest arrays and objects (`{}` is one level). Deeper values are
 * refused: walking them would overflow the stack, and no resolved config comes near it.
 */
const MAX_JSON_DEPTH = 100;

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A deep, frozen copy of a plain JSON value, or {@link NOT_JSON}. Numbers must be finite (`-0`
 * becomes `0`, as JSON would write it); objects must be plain; nesting at most
 * `MAX_JSON_DEPTH` levels (so a cyclic value is refused too).
 *
 * @param value - anything
 * @param depth - how many levels the value sits inside the root (0 for the root)
 * @returns the frozen copy, or `NOT_JSON`
 * @internal
 */
export function tryCloneJson(value: unknown, depth = 0): JsonValue | typeof NOT_JSON {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : NOT_JSON;
    case 'object': {
      if (value === null) return null;
      if (depth >= MAX_JSON_DEPTH) return NOT_JSON;
      if (Array.isArray(value)) {
        const copy: JsonValue[] = new Array<JsonValue>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item = tryCloneJson(value[i], depth + 1);
          if (item === NOT_JSON) return NOT_JSON;
          copy[i] = item;
        }
        return Object.freeze(copy);
      }
      if (!isPlainObject(value)) return NOT_JSON;
      const copy: Record<string, JsonValue> = {};
      for (const key of Object.keys(value)) {
        const item = tryCloneJson((value as Record<string, unknown>)[key], depth + 1);
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

/** A frozen JSON copy with its `JSON.stringify` text, and whether its source can never change. */
export interface SnapshotWithText {
  readonly snapshot: JsonValue;
  readonly text: string;
  /** The source was frozen all the way down: the same object always gives this snapshot. */
  readonly immutable: boolean;
}

/**
 * Like {@link tryCloneJson}, but also writes the copy's JSON text (exactly what `JSON.stringify`
 * writes for it) and reuses the copies of subtrees met before: `known` maps objects frozen all the
 * way down to their copy, and learns the new ones. A config built by spreading a resolved config
 * into a new object is then copied and written in a few steps.
 *
 * @param value - anything
 * @param known - copies of immutable objects, by object
 * @param depth - how many levels the value sits inside the root (0 for the root)
 * @returns the copy with its text, or {@link NOT_JSON}
 * @internal
 */
export function snapshotWithText(value: unknown, known: WeakMap<object, SnapshotWithText>, depth = 0): SnapshotWithText | typeof NOT_JSON {
  switch (typeof value) {
    case 'string':
      return { snapshot: value, text: JSON.stringify(value), immutable: true };
    case 'boolean':
      return { snapshot: value, text: value ? 'true' : 'false', immutable: true };
    case 'number':
      return Number.isFinite(value) ? { snapshot: value + 0, text: `${value + 0}`, immutable: true } : NOT_JSON;
    case 'object': {
      if (value === null) return { snapshot: null, text: 'null', immutable: true };
      const seen = known.get(value);
      if (seen !== undefined) return seen;
      if (depth >= MAX_JSON_DEPTH) return NOT_JSON;
      let immutable = Object.isFrozen(value);
      let text: string;
      let snapshot: JsonValue;
      if (Array.isArray(value)) {
        const copy: JsonValue[] = new Array<JsonValue>(value.length);
        const parts: string[] = new Array<string>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item = snapshotWithText(value[i], known, depth + 1);
          if (item === NOT_JSON) return NOT_JSON;
          copy[i] = item.snapshot;
          parts[i] = item.text;
          immutable &&= item.immutable;
        }
        snapshot = Object.freeze(copy);
        text = `[${parts.join(',')}]`;
      } else {
        if (!isPlainObject(value)) return NOT_JSON;
        const copy: Record<string, JsonValue> = {};
        let parts = '';
        for (const key of Object.keys(value)) {
          const item = snapshotWithText((value as Record<string, unknown>)[key], known, depth + 1);
          if (item === NOT_JSON) return NOT_JSON;
          // A "__proto__" key is data in JSON; assigning it would set the prototype instead.
          if (key === '__proto__') Object.defineProperty(copy, key, { value: item.snapshot, enumerable: true, writable: true, configurable: true });
          else copy[key] = item.snapshot;
          parts += `${parts === '' ? '' : ','}${JSON.stringify(key)}:${item.text}`;
          immutable &&= item.immutable;
        }
        snapshot = Object.freeze(copy);
        text = `{${parts}}`;
      }
      const result: SnapshotWithText = { snapshot, text, immutable };
      if (immutable) known.set(value, result);
      return result;
    }
    default:
      return NOT_JSON;
  }
}

/**
 * Freezes, in place, a value that `JSON.parse` just returned and nobody else holds (so it is plain
 * JSON already, save for numbers too large for a double, which `JSON.parse` reads as `Infinity`),
 * turning `-0` into `0` as {@link tryCloneJson} does.
 *
 * @param value - the output of `JSON.parse`
 * @returns the same value, deeply frozen, or {@link NOT_JSON} when it holds a non-finite number or
 *   nests deeper than `MAX_JSON_DEPTH` levels (then parts of it may be frozen already)
 * @internal
 */
export function freezeParsedJson(value: unknown): JsonValue | typeof NOT_JSON {
  if (typeof value !== 'object' || value === null) {
    if (typeof value !== 'number') return value as JsonValue;
    return Number.isFinite(value) ? value + 0 : NOT_JSON;
  }
  return freezeParsedContainer(value, 0) ? (value as JsonValue) : NOT_JSON;
}

/** Freezes a parsed array or object in place; `false` when something in it is not plain JSON. */
function freezeParsedContainer(value: object, depth: number): boolean {
  if (depth >= MAX_JSON_DEPTH) return false;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === 'object') {
      if (item !== null && !freezeParsedContainer(item, depth + 1)) return false;
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) return false;
      if (item === 0) record[key] = 0;
    }
  }
  Object.freeze(value);
  return true;
}

/**
 * Whether `value` is plain JSON that its `JSON.stringify` text gives back exactly: finite numbers
 * other than `-0`, plain objects and arrays, nesting at most `MAX_JSON_DEPTH` levels.
 *
 * @param value - a config snapshot
 * @param depth - how many levels the value sits inside the root (0 for the root)
 * @returns whether it is
 * @internal
 */
export function isSnapshotJson(value: unknown, depth = 0): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (depth >= MAX_JSON_DEPTH || !(Array.isArray(value) || isPlainObject(value))) return false;
      for (const key of Object.keys(value)) if (!isSnapshotJson((value as Record<string, unknown>)[key], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

/** Where a value stops being plain JSON: the path, the value there and what is wrong. */
interface NonJson {
  readonly path: PropertyKey[];
  readonly value: unknown;
  readonly message: string;
}

/** The path and value of the first part of `value` that is not plain JSON. */
function findNonJson(value: unknown, path: PropertyKey[], depth: number): NonJson | undefined {
  if (typeof value === 'object' && value !== null) {
    if (Array.isArray(value) || isPlainObject(value)) {
      if (depth >= MAX_JSON_DEPTH) return { path, value: undefined, message: `nested deeper than ${MAX_JSON_DEPTH} levels` };
      for (const key of Object.keys(value)) {
        const found = findNonJson((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key], depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    return { path, value, message: 'not a plain JSON value' };
  }
  return tryCloneJson(value) === NOT_JSON ? { path, value, message: 'not a plain JSON value' } : undefined;
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
  const found = findNonJson(value, [...root], 0) ?? { path: [...root], value, message: 'not a plain JSON value' };
  throw new InvalidSessionJsonError([{ path: formatJsonPath(found.path), message: found.message }], found.value);
}
