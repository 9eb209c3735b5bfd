/**
 * Options of `parseVast`. `strict`, `maxBytes`, `maxDepth` and `maxAds` have the names and
 * defaults of `ParserOptions` in `@vast/config`, so a resolved config's `parser` section can be
 * passed as it is: `parseVast(xml, config.parser)`.
 */
export interface ParseVastOptions {
  /**
   * Throw a `VastError` on the first problem instead of recording a warning and going on: 101
   * for a missing required element or an unparseable value, 100 for an attribute that is not
   * well-formed XML or bytes that are not valid in the document's encoding.
   * @defaultValue false
   */
  readonly strict?: boolean;
  /**
   * The largest document accepted, in bytes (UTF-8 for a string); a larger one is refused with
   * 100 before any parsing.
   * @defaultValue 1048576 (1 MiB)
   */
  readonly maxBytes?: number;
  /**
   * The deepest element nesting accepted (the `<VAST>` root is depth 1; elements inside
   * Extensions count too), 1 to 1024; a deeper document is refused with 100.
   * @defaultValue 64
   */
  readonly maxDepth?: number;
  /**
   * The most `<Ad>` elements read from one document, 1 or more. The ads after the first
   * `maxAds` are left out with a warning (101) naming them; strict parsing refuses the document
   * with 101 instead.
   * @defaultValue 32
   */
  readonly maxAds?: number;
}
