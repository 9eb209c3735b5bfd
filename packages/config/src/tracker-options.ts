import { z } from 'zod';
import type { DeepReadonly } from './deep-freeze.js';
import { MacroSyntax, MacroSyntaxSchema } from './macro-syntax.js';

const macroName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a macro name is letters, digits and _');
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'not a valid HTTP header name');

/**
 * How `@vast/tracker` expands macros and sends beacons. Every field has a default.
 */
export const TrackerOptionsSchema = z.strictObject({
  /**
   * The macro syntaxes expanded in tracking URLs, at least one; a lower config level replaces the
   * whole list.
   * @defaultValue `['iab']`
   */
  macroSyntaxes: z.array(MacroSyntaxSchema).min(1).default([MacroSyntax.IAB]),
  /**
   * Fixed macro values by macro name (without delimiters), used when the session does not supply
   * the macro itself. Levels merge these by name.
   * @defaultValue `{}`
   */
  staticMacros: z.record(macroName, z.string()).default({}),
  /**
   * Timeout of one beacon request, in milliseconds (1 to 120,000).
   * @defaultValue 5000
   */
  timeoutMs: z.number().int().min(1).max(120_000).default(5000),
  /**
   * How many times a failed beacon is retried (0 to 10).
   * @defaultValue 2
   */
  retries: z.number().int().min(0).max(10).default(2),
  /**
   * Delay before the first retry, in milliseconds; it doubles on each further retry.
   * @defaultValue 250
   */
  retryBackoffMs: z.number().int().min(0).max(60_000).default(250),
  /**
   * Whether beacons sent on behalf of a device carry the SSAI headers (`X-Device-IP`,
   * `X-Device-User-Agent` and the like) with the device's values.
   * @defaultValue false
   */
  ssaiHeaders: z.boolean().default(false),
  /**
   * Extra HTTP headers sent with every beacon, by header name. Levels merge these by name.
   * @defaultValue `{}`
   */
  headers: z.record(headerName, z.string()).default({}),
});

/** Validated tracker options (defaults filled in). */
export type TrackerOptions = DeepReadonly<z.output<typeof TrackerOptionsSchema>>;

/** Tracker options as a user writes them (fields with defaults may be left out). */
export type TrackerOptionsInput = z.input<typeof TrackerOptionsSchema>;
