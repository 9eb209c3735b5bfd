/**
 * Where a `progress` event fires: a time from the start of the creative, or a share of its
 * duration. Structurally the parser's `Offset`, so a parsed tracking event feeds the tracker
 * unchanged.
 */
export type ProgressOffset =
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

/** One tracking URL of an event (the `<Tracking>` element); structurally a parser `TrackingEvent`. */
export interface TrackingUrl {
  /** The event name as written, e.g. `start`, `firstQuartile`, `progress`. */
  readonly event: string;
  /** The URL template, macros unexpanded. */
  readonly url: string;
  /** For `progress`, where it fires. */
  readonly offset?: ProgressOffset;
}

/** The tracking URLs of one ad of a chain: the inline ad, or one wrapper. */
export interface TrackingLevel {
  /** Impression URLs. */
  readonly impressions: readonly string[];
  /** Error URLs (they get `[ERRORCODE]`). */
  readonly errors: readonly string[];
  /** Event tracking URLs. */
  readonly events: readonly TrackingUrl[];
  /** Click tracking URLs. @defaultValue none */
  readonly clickTrackings?: readonly string[];
}

/**
 * Everything a {@link Tracker} may call for one ad, independent of the parser's model:
 * `levels[0]` is the inline ad and the next entries its wrappers from the innermost outwards.
 * Build one by hand, or from parsed ads with {@link trackingSetFromAds}.
 *
 * @example
 * ```ts
 * const tracking: TrackingSet = {
 *   levels: [
 *     {
 *       impressions: ['https://ads.example/imp?cb=[CACHEBUSTING]'],
 *       errors: ['https://ads.example/err?code=[ERRORCODE]'],
 *       events: [
 *         { event: 'start', url: 'https://ads.example/start' },
 *         { event: 'progress', url: 'https://ads.example/5s', offset: { type: 'time', seconds: 5 } },
 *       ],
 *     },
 *   ],
 * };
 * ```
 */
export interface TrackingSet {
  /** The inline ad first, then each wrapper from the innermost outwards. */
  readonly levels: readonly TrackingLevel[];
}
