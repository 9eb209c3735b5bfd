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
  readonly values?: Readonly<Record<string, MacroValue | undefined>>;
  /** Names the caller withholds by policy (privacy, consent): they expand to `-2`. */
  readonly withheld?: readonly string[];
  /** Ad playhead in milliseconds, for `[ADPLAYHEAD]`. */
  readonly adPlayheadMs?: number;
  /** Content playhead in milliseconds, for `[MEDIAPLAYHEAD]` (and `[CONTENTPLAYHEAD]` when that is not given). */
  readonly mediaPlayheadMs?: number;
  /** Content playhead in milliseconds for the deprecated `[CONTENTPLAYHEAD]`. */
  readonly contentPlayheadMs?: number;
  /** The media file being played, for `[ASSETURI]`. */
  readonly assetUri?: string;
  /** The VAST error code, for `[ERRORCODE]` in error pixels. */
  readonly errorCode?: number;
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
  const merged: { -readonly [K in keyof MacroContext]: MacroContext[K] } = { ...base, ...extra };
  if (base.values !== undefined && extra.values !== undefined) merged.values = { ...base.values, ...extra.values };
  if (base.withheld !== undefined && extra.withheld !== undefined) merged.withheld = [...base.withheld, ...extra.withheld];
  return merged;
}
