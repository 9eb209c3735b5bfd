/** One element of an array macro value. */
export type MacroScalar = string | number | boolean;

/**
 * A value for a macro: a scalar, or an array (the IAB `Array<...>` types) whose elements are
 * encoded one by one and joined by commas. Booleans become `1` and `0`.
 */
export type MacroValue = MacroScalar | readonly MacroScalar[];

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const SUB_DELIMS_LEFT = /[!'()*]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Whether a text is its own encoding (only unreserved characters), so it needs no cache.
 * @internal
 */
export function isUnreserved(text: string): boolean {
  return UNRESERVED.test(text);
}

/** The escapes of the characters `encodeURIComponent` leaves that RFC 3986 reserves. */
const SUB_DELIM_ESCAPES: Readonly<Record<string, string>> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '*': '%2A' };

function subDelimEscape(c: string): string {
  return SUB_DELIM_ESCAPES[c] as string;
}

function encodeComponent(text: string): string {
  if (UNRESERVED.test(text)) return text;
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    encoded = encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
  }
  return encoded.replace(SUB_DELIMS_LEFT, subDelimEscape);
}

function scalarText(value: MacroScalar): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/**
 * Percent-encodes a macro value per RFC 3986: every byte outside the unreserved set
 * (`A-Z a-z 0-9 - . _ ~`) is encoded, so a value can never add a `&`, `#`, `/`, `?` or `=` to
 * the URL it is put in. Array values are encoded element by element and joined by `,`.
 *
 * @param value - the value to encode
 * @returns the text to put in place of the macro
 * @example
 * ```ts
 * encodeMacroValue('a&b c');           // 'a%26b%20c'
 * encodeMacroValue(['IAB1-1', 'x,y']); // 'IAB1-1,x%2Cy'
 * encodeMacroValue(true);              // '1'
 * ```
 */
export function encodeMacroValue(value: MacroValue): string {
  if (typeof value === 'string') return encodeComponent(value);
  if (typeof value === 'number' || typeof value === 'boolean') return encodeComponent(scalarText(value));
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += ',';
    out += encodeComponent(scalarText(value[i] as MacroScalar));
  }
  return out;
}
