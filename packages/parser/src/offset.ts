/**
 * A point in a linear creative: a time from its start, or a percentage of its duration. Used by
 * `skipoffset` and by `progress` tracking events (`HH:MM:SS(.mmm)` or `n%` in the XML).
 */
export type Offset =
  | {
      /** A time from the start of the creative. */
      readonly type: 'time';
      /** Seconds from the start. */
      readonly seconds: number;
    }
  | {
      /** A share of the creative's duration. */
      readonly type: 'percent';
      /** Percent of the duration, 0 to 100. */
      readonly percent: number;
    };
