import { InvalidSessionJsonError } from './invalid-session-json-error.js';
import { NOT_JSON, cloneJson, isSnapshotJson, snapshotWithText, type JsonValue, type SnapshotWithText } from './json-value.js';
import { SessionError } from './session-error.js';

/** Options of {@link ConfigSnapshotCache}. */
export interface ConfigSnapshotCacheOptions {
  /**
   * How many distinct config snapshots to keep; past it the oldest is forgotten (sessions that
   * hold it keep it).
   * @defaultValue `64`
   */
  readonly maxEntries?: number;
}

/**
 * A held snapshot and its JSON text.
 * @internal
 */
export interface HeldSnapshot {
  readonly text: string;
  readonly snapshot: JsonValue;
}

/**
 * Shares config snapshots among sessions. Sessions of one provider and publisher usually run with
 * the same resolved config; with a cache, the sessions created or restored with equal configs
 * hold one frozen snapshot instead of a copy each, and keep its JSON text, so that
 * {@link PlaybackSession.toJSONText} does not encode it again and
 * {@link PlaybackSession.fromJSON} does not parse it again.
 *
 * Give one cache to everything that makes sessions in a process (a store, a player). A cache never
 * changes what a session holds or writes: only how much memory and time it takes.
 *
 * @example
 * ```ts
 * const configCache = new ConfigSnapshotCache();
 * const text = session.toJSONText();
 * const a = PlaybackSession.fromJSON(text, { time, configCache });
 * const b = PlaybackSession.fromJSON(text, { time, configCache });
 * a.config === b.config; // true: one snapshot
 * ```
 */
export class ConfigSnapshotCache {
  readonly #maxEntries: number;
  // Oldest first.
  readonly #held: HeldSnapshot[] = [];
  // The same snapshots by the length of their text (as `JSON.stringify` writes it): a lookup
  // compares the few of the right length, instead of hashing a text of a kilobyte or more.
  #byLength = new Map<number, HeldSnapshot[]>();
  // Objects frozen all the way down that sessions were given, with what they share, and the
  // copies of such objects (and of their parts) with their text: a config seen before costs a lookup.
  #sharedFor = new WeakMap<object, HeldSnapshot>();
  #copies = new WeakMap<object, SnapshotWithText>();

  /**
   * @param options - the number of snapshots to keep
   * @throws {@link SessionError} `INVALID_SESSION_ARGUMENT` when `maxEntries` is not a positive integer
   */
  constructor(options: ConfigSnapshotCacheOptions = {}) {
    const maxEntries = options.maxEntries ?? 64;
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
      throw new SessionError('INVALID_SESSION_ARGUMENT', `maxEntries must be a positive integer, got ${String(maxEntries)}`);
    }
    this.#maxEntries = maxEntries;
  }

  /** How many snapshots the cache holds. */
  get size(): number {
    return this.#held.length;
  }

  /** Forgets every snapshot (sessions that hold one keep it). */
  clear(): void {
    this.#held.length = 0;
    // A new Map, not a cleared one: measured on V8, a cleared Map of a long-lived cache kept what
    // was filed after the clear alive through young-generation GCs (promoting each config), so a
    // cache cleared often made every restore after it pay GC time for a whole config (10 times
    // the GC time of the same restores without a cache).
    this.#byLength = new Map();
    this.#sharedFor = new WeakMap();
    this.#copies = new WeakMap();
  }

  /**
   * The snapshot whose JSON text is exactly `text.slice(start, end)`, if the cache holds it.
   *
   * @param text - text holding the snapshot's JSON text
   * @param start - where the snapshot's text starts
   * @param end - where it ends (exclusive)
   * @returns the frozen snapshot and its text, or `undefined`
   * @internal
   */
  lookupIn(text: string, start: number, end: number): HeldSnapshot | undefined {
    const candidates = this.#byLength.get(end - start);
    if (candidates === undefined) return undefined;
    // A slice shares the text's memory, and comparing two strings does not hash them.
    const slice = text.slice(start, end);
    for (const held of candidates) if (slice === held.text) return held;
    return undefined;
  }

  /**
   * The snapshot whose JSON text starts at `start` in `text` and is followed there by
   * `followedBy`, if the cache holds it: where a document's config ends is then known without
   * searching the rest of the document for it.
   *
   * @param text - text holding the snapshot's JSON text
   * @param start - where the snapshot's text starts
   * @param followedBy - what must come right after the snapshot's text
   * @returns the frozen snapshot and its text, or `undefined`
   * @internal
   */
  lookupFollowedBy(text: string, start: number, followedBy: string): HeldSnapshot | undefined {
    for (const [length, candidates] of this.#byLength) {
      if (!text.startsWith(followedBy, start + length)) continue;
      const slice = text.slice(start, start + length);
      for (const held of candidates) if (slice === held.text) return held;
    }
    return undefined;
  }

  /**
   * The snapshot to keep for `snapshot`: an equal one the cache already holds, or `snapshot`
   * itself, which the cache then holds; with the text to keep for it (the held one, so sessions
   * share that too).
   *
   * Snapshots are filed under their text, so the text must say exactly what the snapshot holds:
   * a snapshot with a number `JSON.stringify` cannot write (`Infinity` becomes `null`) is refused,
   * never filed under the text of another config.
   *
   * @param text - `JSON.stringify(snapshot)`
   * @param snapshot - a frozen plain JSON value
   * @returns the shared snapshot and its text
   * @throws {@link InvalidSessionJsonError} (code `INVALID_SESSION_JSON`) when `snapshot` holds a
   *   non-finite number, `-0`, or anything else its JSON text would not give back exactly
   * @internal
   */
  share(text: string, snapshot: JsonValue): HeldSnapshot {
    if (!isSnapshotJson(snapshot)) {
      throw new InvalidSessionJsonError([{ path: 'config', message: 'not a plain JSON value with finite numbers' }]);
    }
    return this.#hold(text, snapshot);
  }

  /**
   * Like {@link ConfigSnapshotCache.share}, for a snapshot that `tryCloneJson` or
   * `freezeParsedJson` just made: those already refuse what its text would not give back
   * (non-finite numbers, non-plain objects, too deep) and write `-0` as `0`, so it is not walked
   * again.
   *
   * @param text - `JSON.stringify(snapshot)`
   * @param snapshot - the output of `tryCloneJson` or `freezeParsedJson` (not `NOT_JSON`)
   * @returns the shared snapshot and its text
   * @internal
   */
  shareChecked(text: string, snapshot: JsonValue): HeldSnapshot {
    return this.#hold(text, snapshot);
  }

  /**
   * The shared snapshot of the config a new session is given (a frozen copy, held once per
   * distinct text) and its text. A config frozen all the way down, as `ConfigResolver` returns
   * them, is copied and written only the first time the cache sees that object; a new object
   * made of such parts (a resolved config spread with a few more fields) reuses their copies.
   *
   * @param config - the config, any value
   * @returns the shared snapshot and its text
   * @throws {@link InvalidSessionJsonError} (code `INVALID_SESSION_JSON`) naming the first part
   *   that is not plain JSON
   * @internal
   */
  snapshotOf(config: unknown): HeldSnapshot {
    const isObject = typeof config === 'object' && config !== null;
    if (isObject) {
      const shared = this.#sharedFor.get(config);
      if (shared !== undefined) return shared;
    }
    const copied = snapshotWithText(config, this.#copies);
    // cloneJson explains what is wrong, with the path; it always throws when the copy failed.
    if (copied === NOT_JSON) return this.share('', cloneJson(config, ['config']));
    const held = this.#hold(copied.text, copied.snapshot);
    if (copied.immutable && isObject) this.#sharedFor.set(config, held);
    return held;
  }

  #hold(text: string, snapshot: JsonValue): HeldSnapshot {
    const held = this.lookupIn(text, 0, text.length);
    if (held !== undefined) return held;
    if (this.#held.length >= this.#maxEntries) this.#forget(this.#held.shift() as HeldSnapshot);
    const entry: HeldSnapshot = { text, snapshot };
    this.#held.push(entry);
    const sameLength = this.#byLength.get(text.length);
    if (sameLength === undefined) this.#byLength.set(text.length, [entry]);
    else sameLength.push(entry);
    return entry;
  }

  #forget(held: HeldSnapshot): void {
    const rest = (this.#byLength.get(held.text.length) ?? []).filter((other) => other !== held);
    if (rest.length === 0) this.#byLength.delete(held.text.length);
    else this.#byLength.set(held.text.length, rest);
  }
}
