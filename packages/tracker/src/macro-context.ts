import type { MacroValue } from './encode-macro-value.js';

/**
 * What a beacon's macros are filled from. Values set here win over the expander's static values
 * and generated values; names listed in `withheld` become `-2` whatever else is known.
 *
 * @example
 * ```ts
 * const context: MacroContext = {
 *   values: { DEVICEIP: '203.0.113.7', UNIVERSALADID: ['ad-id.org CNPA0484000H'], PODSEQUENCE: 1 },
 *   withheld: ['IFA'],
 *   adPlayheadMs: 15_000,
 * };
 * ```
 */
export interface MacroContext {
  /**
   * Macro values by upper-case name (IAB names, or a provider's own names such as `SITE_ID`).
   * An `undefined` value counts as not supplied.
   */
  readonly values?: Readonly<Record<string, MacroValue | undefined>> | undefined;
  /** Names the caller withholds by policy (privacy, consent): they expand to `-2`. */
  readonly withheld?: readonly string[] | undefined;
  /** Ad playhead in milliseconds, for `[ADPLAYHEAD]`. */
  readonly adPlayheadMs?: number | undefined;
  /** Content playhead in milliseconds, for `[MEDIAPLAYHEAD]` (and `[CONTENTPLAYHEAD]` when that is not given). */
  readonly mediaPlayheadMs?: number | undefined;
  /** Content playhead in milliseconds for the deprecated `[CONTENTPLAYHEAD]`. */
  readonly contentPlayheadMs?: number | undefined;
  /** The media file being played, for `[ASSETURI]`. */
  readonly assetUri?: string | undefined;
  /** The VAST error code, for `[ERRORCODE]` in error pixels. */
  readonly errorCode?: number | undefined;
}

/**
 * Combines two contexts: `values` are merged by name (the second wins), `withheld` lists are
 * joined, and the other fields of the second win when set.
 *
 * @param base - e.g. the session's context
 * @param extra - e.g. one event's context
 * @returns a new context
 */
export function mergeMacroContexts(base: MacroContext | undefined, extra: MacroContext | undefined): MacroContext {
  if (base === undefined) return extra ?? {};
  if (extra === undefined) return base;
  // One object literal of a fixed shape: this runs for every beacon, and spreading two contexts of
  // different shapes is several times slower.
  return {
    values: base.values === undefined ? extra.values : extra.values === undefined ? base.values : { ...base.values, ...extra.values },
    withheld: base.withheld === undefined ? extra.withheld : extra.withheld === undefined ? base.withheld : [...base.withheld, ...extra.withheld],
    adPlayheadMs: extra.adPlayheadMs ?? base.adPlayheadMs,
    mediaPlayheadMs: extra.mediaPlayheadMs ?? base.mediaPlayheadMs,
    contentPlayheadMs: extra.contentPlayheadMs ?? base.contentPlayheadMs,
    assetUri: extra.assetUri ?? base.assetUri,
    errorCode: extra.errorCode ?? base.errorCode,
  };
}
