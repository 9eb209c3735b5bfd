import { z } from 'zod';

/**
 * The macro syntaxes a tracking URL may use. IAB VAST uses `[MACRO]`; some ad servers use
 * `%%MACRO%%`, `${MACRO}` or `{macro}`. A profile may accept several.
 */
export const MacroSyntax = {
  /** `[CACHEBUSTING]`, the IAB VAST syntax. */
  IAB: 'iab',
  /** `%%CACHEBUSTING%%`. */
  PERCENT: 'percent',
  /** `${CACHEBUSTING}`. */
  DOLLAR: 'dollar',
  /** `{cachebusting}`. */
  BRACE: 'brace',
} as const;

/** One of the values of {@link MacroSyntax}. */
export type MacroSyntax = (typeof MacroSyntax)[keyof typeof MacroSyntax];

/** The zod schema of {@link MacroSyntax}. */
export const MacroSyntaxSchema = z.enum(MacroSyntax);
