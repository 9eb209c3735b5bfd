import type { MacroSyntaxName } from './macro-syntax-name.js';

/** One macro found in a URL template. */
export interface MacroSlot {
  /** The name looked up: upper case, after aliases (e.g. `CACHEBUSTING` for `{cachebuster}`). */
  readonly name: string;
  /** The text as written in the URL, e.g. `%%CACHEBUSTER%%`; kept when the macro is unknown. */
  readonly raw: string;
}

/**
 * A URL split once into literal text and macro slots, so expanding it for each beacon needs no
 * scan: `literals[0] + value(slots[0]) + literals[1] + ... + literals[n]`.
 */
export interface MacroTemplate {
  /** The URL as given. */
  readonly source: string;
  /** The literal text around the slots; always one more entry than `slots`. */
  readonly literals: readonly string[];
  /** The macros, in order of appearance. */
  readonly slots: readonly MacroSlot[];
}

const PATTERNS: Readonly<Record<MacroSyntaxName, string>> = {
  iab: String.raw`\[([A-Z][A-Z0-9_]*)\]`,
  percent: String.raw`%%([A-Za-z][A-Za-z0-9_]*)%%`,
  dollar: String.raw`\$\{([A-Za-z][A-Za-z0-9_]*)\}`,
  brace: String.raw`\{([A-Za-z][A-Za-z0-9_]*)\}`,
};
// `${X}` must be tried before `{x}` so that the `$` is part of the macro.
const ORDER: readonly MacroSyntaxName[] = ['iab', 'percent', 'dollar', 'brace'];

/**
 * Builds the scanner for a set of syntaxes. The IAB `[NAME]` syntax is always on.
 *
 * @param syntaxes - the syntaxes to recognise
 * @returns a global regular expression with one capture group per syntax
 * @internal
 */
export function macroPattern(syntaxes: readonly MacroSyntaxName[]): RegExp {
  const on = new Set<MacroSyntaxName>(['iab', ...syntaxes]);
  return new RegExp(ORDER.filter((s) => on.has(s)).map((s) => PATTERNS[s]).join('|'), 'g');
}

/**
 * Splits a URL into literals and macro slots.
 *
 * @param url - the tracking URL as written in the VAST document
 * @param pattern - from {@link macroPattern}
 * @param aliases - other names by upper-case name, e.g. `{ CACHEBUSTER: 'CACHEBUSTING' }`
 * @returns the compiled template
 * @internal
 */
export function compileMacroTemplate(
  url: string,
  pattern: RegExp,
  aliases: ReadonlyMap<string, string>,
): MacroTemplate {
  const literals: string[] = [];
  const slots: MacroSlot[] = [];
  let last = 0;
  for (const match of url.matchAll(pattern)) {
    const written = match.slice(1).find((group) => group !== undefined) ?? '';
    const upper = written.toUpperCase();
    literals.push(url.slice(last, match.index));
    slots.push({ name: aliases.get(upper) ?? upper, raw: match[0] });
    last = match.index + match[0].length;
  }
  literals.push(url.slice(last));
  return { source: url, literals, slots };
}
