/**
 * The stable codes of the {@link ParserError}s `parseVast` throws:
 * - `INVALID_PARSER_OPTIONS`: an option of `parseVast` is out of its range (`maxBytes` negative,
 *   NaN or infinite; `maxDepth` or `maxAds` not an integer in its range). The message names it.
 *
 * A problem with the document itself is never a `ParserError` but a `VastError` with its IAB code.
 */
export type ParserErrorCode = 'INVALID_PARSER_OPTIONS';

const BRAND = Symbol.for('@vast/parser.ParserError');

/**
 * A wrong call of the parser (a caller bug, not bad VAST); match on {@link ParserError.code} or
 * test an unknown value with {@link isParserError}.
 *
 * @example
 * ```ts
 * try {
 *   parseVast(body, { maxDepth: 0 });
 * } catch (error) {
 *   if (isParserError(error)) console.error(error.code, error.message); // INVALID_PARSER_OPTIONS
 * }
 * ```
 */
export class ParserError extends Error {
  /** A stable code that does not change between releases. */
  readonly code: ParserErrorCode;

  /**
   * @param code - the stable code
   * @param message - a sentence for people
   */
  constructor(code: ParserErrorCode, message: string) {
    super(message);
    this.name = 'ParserError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link ParserError}, also when it comes from another installed copy of
 * `@vast/parser` (it tests the `Symbol.for('@vast/parser.ParserError')` brand).
 *
 * @param value - anything, typically a caught error
 * @returns `true` for the errors `parseVast` throws on wrong options
 */
export function isParserError(value: unknown): value is ParserError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
