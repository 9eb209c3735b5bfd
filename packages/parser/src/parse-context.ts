import type { CheckedXml } from './check-well-formed.js';
import { VastError } from './vast-error.js';
import { VastErrorCode } from '@vast/error-codes';
import type { VastWarning } from './vast-warning.js';
import { unescapeRaw } from './unescape-raw.js';
import { type Attrs, type XNode, markOf, parseAttributes, textOf } from './xml-nodes.js';

/** The lexical space of `xs:integer` (whitespace already trimmed). */
const INTEGER = /^[+-]?\d+$/;
/** The lexical space of `xs:decimal`. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * The state of one parse: strict or lenient, the warnings collected so far, and the attributes
 * and opaque content the scan set aside. It also turns attribute and text values into numbers
 * and booleans, reporting what it cannot read.
 * @internal
 */
export class ParseContext {
  /**
   * @param strict - throw problems instead of recording them
   * @param scanned - what the scan set aside
   * @param warnings - where warnings go (shared by the contexts of one parse)
   */
  constructor(
    readonly strict: boolean,
    private readonly scanned: Pick<CheckedXml, 'attributes' | 'raw'>,
    readonly warnings: VastWarning[] = [],
  ) {}

  /** A context for content scanned apart (an extension's), reporting into the same warnings. */
  within(scanned: Pick<CheckedXml, 'attributes' | 'raw'>): ParseContext {
    return new ParseContext(this.strict, scanned, this.warnings);
  }

  /** The attributes of an element, or `undefined` when it has none. */
  attrs(node: XNode): Attrs | undefined {
    const mark = markOf(node);
    const source = mark < 0 ? undefined : this.scanned.attributes[mark];
    return source === undefined || source === '' ? undefined : parseAttributes(source);
  }

  /** The content of an opaque element (Extension, AdParameters...) exactly as written. */
  raw(node: XNode): string {
    const mark = markOf(node);
    return (mark < 0 ? undefined : this.scanned.raw[mark]) ?? '';
  }

  /**
   * The text directly inside an element: CDATA as written, other text with its entities
   * decoded, trimmed. A leaf's text was set aside by the scan; other elements hold text nodes.
   */
  text(node: XNode): string {
    const mark = markOf(node);
    const raw = mark < 0 ? undefined : this.scanned.raw[mark];
    return raw === undefined ? textOf(node) : unescapeRaw(raw).trim();
  }

  /** Reports a missing required element or an unparseable value (101). */
  problem(path: string, message: string): void {
    if (this.strict) {
      throw new VastError(VastErrorCode.SCHEMA_VALIDATION_ERROR, `${message} (at ${path})`, { path });
    }
    this.warnings.push(Object.freeze({ code: VastErrorCode.SCHEMA_VALIDATION_ERROR, path, message }));
  }

  /**
   * An `xs:integer` value (optional sign, decimal digits only: no `0x10`, `1e3` or `1.0`):
   * `undefined` when absent or empty, a warning when it is not one. With `nonNegative` (sizes,
   * bitrates, file sizes, durations in seconds) a negative value is reported and left out too.
   */
  integer(value: string | undefined, path: string, name: string, nonNegative = true): number | undefined {
    if (value === undefined || value === '') return undefined;
    if (!INTEGER.test(value)) {
      this.problem(path, `${name} is not an integer: "${value}"`);
      return undefined;
    }
    return this.#finite(Number(value), value, path, name, nonNegative);
  }

  /**
   * An `xs:decimal` value (optional sign, digits with an optional fraction: no exponent, hex or
   * `Infinity`): `undefined` when absent or empty, a warning when it is not one. With
   * `nonNegative` a negative value is reported and left out too.
   */
  decimal(value: string | undefined, path: string, name: string, nonNegative = true): number | undefined {
    if (value === undefined || value === '') return undefined;
    if (!DECIMAL.test(value)) {
      this.problem(path, `${name} is not a decimal number: "${value}"`);
      return undefined;
    }
    return this.#finite(Number(value), value, path, name, nonNegative);
  }

  #finite(parsed: number, value: string, path: string, name: string, nonNegative: boolean): number | undefined {
    if (!Number.isFinite(parsed)) {
      this.problem(path, `${name} is too large: "${value}"`);
      return undefined;
    }
    if (nonNegative && parsed < 0) {
      this.problem(path, `${name} is negative: "${value}"`);
      return undefined;
    }
    // `-0` reads as 0: the model never holds a negative zero.
    return parsed === 0 ? 0 : parsed;
  }

  /** A boolean attribute (`true`/`false`/`1`/`0`, any case): a warning when it is none of those. */
  boolean(value: string | undefined, path: string, name: string): boolean | undefined {
    if (value === undefined || value === '') return undefined;
    switch (value.toLowerCase()) {
      case 'true':
      case '1':
        return true;
      case 'false':
      case '0':
        return false;
      default:
        this.problem(path, `${name} is not a boolean: "${value}"`);
        return undefined;
    }
  }
}
