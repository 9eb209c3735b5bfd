import type { MacroScalar, MacroValue } from './encode-macro-value.js';

/** Beyond this many names a session's values are encoded on each beacon again: a scan stays short. */
const MAX_NAMES = 32;
/** The list every instance starts with: it has no room to write to, so it can be shared. */
const NONE: readonly unknown[] = Object.freeze([]);

/**
 * What a value is kept as to tell whether a later one encodes the same: a scalar as itself, an
 * array of one element as that element and an empty one as `''` (the same text: arrays are
 * encoded element by element and joined by commas), a longer array as a copy of its elements, so
 * that a change in place is seen.
 */
function keyOf(value: MacroValue): MacroScalar | readonly MacroScalar[] {
  if (typeof value !== 'object') return value;
  if (value.length === 1) return value[0] as MacroScalar;
  return value.length === 0 ? '' : value.slice();
}

/** Whether `value` encodes as the value kept as `kept` (see {@link keyOf}) did. */
function sameValue(kept: unknown, value: MacroValue): boolean {
  if (typeof value !== 'object') return kept === value;
  if (value.length === 1) return kept === value[0];
  if (value.length === 0) return kept === '';
  if (typeof kept !== 'object' || (kept as readonly MacroScalar[]).length !== value.length) return false;
  for (let i = 0; i < value.length; i++) if ((kept as readonly MacroScalar[])[i] !== value[i]) return false;
  return true;
}

/**
 * One session's supplied macro values as encoded for its beacon URLs: each value is encoded the
 * first time a URL uses its name, then reused on the session's later beacons for as long as the
 * same value is supplied under that name. A value replaced, removed or changed in place (array
 * elements included) is encoded again. Hold one per session, pass it with each
 * {@link MacroExpander.expand} of that session, and drop it with the session: the expander keeps
 * no reference to it. A {@link Tracker} holds its own.
 *
 * Its memory is a few words per name the session's URLs use, plus the encoded text of values
 * that needed encoding (text met in other sessions too, such as a common user agent, is shared).
 *
 * @example
 * ```ts
 * const encoded = new EncodedMacroValues(); // one per session
 * const values = { DEVICEIP: '203.0.113.7', DEVICEUA: 'Mozilla/5.0 (TV)' };
 * expander.expand(impressionUrl, { values }, encoded); // encodes DEVICEUA
 * expander.expand(startUrl, { values, adPlayheadMs: 0 }, encoded); // reuses it
 * ```
 */
export class EncodedMacroValues {
  // Three entries per name: the name, the value as kept (see keyOf), the text. A name added
  // replaces the list by one of the exact size: the lists it replaces are short-lived (names are
  // added on a session's first beacons), and the one that stays costs no spare room per session.
  #entries: unknown[] = NONE as unknown[];

  /** How many names have an encoded value kept. */
  get size(): number {
    return this.#entries.length / 3;
  }

  /**
   * The text kept for `name` if it was encoded from the same value.
   *
   * @param name - the upper-case macro name
   * @param value - the value supplied now
   * @returns the encoded text, or `undefined` when it must be encoded
   * @internal
   */
  lookup(name: string, value: MacroValue): string | undefined {
    const entries = this.#entries;
    for (let i = 0; i < entries.length; i += 3) {
      if (entries[i] === name) return sameValue(entries[i + 1], value) ? (entries[i + 2] as string) : undefined;
    }
    return undefined;
  }

  /**
   * Keeps the text of `value` for `name`, in place of any other value's.
   *
   * @param name - the upper-case macro name
   * @param value - the value encoded
   * @param text - its encoded text
   * @internal
   */
  remember(name: string, value: MacroValue, text: string): void {
    let entries = this.#entries;
    const length = entries.length;
    let at = 0;
    while (at < length && entries[at] !== name) at += 3;
    if (at === length) {
      if (length >= MAX_NAMES * 3) return;
      const grown = new Array<unknown>(length + 3);
      for (let i = 0; i < length; i++) grown[i] = entries[i];
      grown[at] = name;
      this.#entries = entries = grown;
    }
    entries[at + 1] = keyOf(value);
    entries[at + 2] = text;
  }
}
