/** Options of `parseVast`. */
export interface ParseVastOptions {
  /**
   * Throw a `VastError` (101) on the first missing required element or unparseable value,
   * instead of recording a warning and going on.
   * @defaultValue false
   */
  readonly strict?: boolean;
  /**
   * The largest document accepted, in bytes (UTF-8); a larger one is refused with 100 before any
   * parsing.
   * @defaultValue 1048576 (1 MiB)
   */
  readonly maxBytes?: number;
}
