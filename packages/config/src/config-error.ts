import type { ConfigLevel } from './config-level.js';

/** The stable error code of every {@link ConfigError}. */
export const CONFIG_ERROR_CODE = 'ERR_VAST_CONFIG';

/**
 * What kind of problem a {@link ConfigIssue} is: an unknown provider name, a field the schema does
 * not know, a value of the wrong type, a number out of its range, a value not among the allowed
 * ones, a required field missing, probabilities of exclusive interruptions summing above 1, or a
 * `resumed` outcome on an interruption type that ends the ad.
 */
export type ConfigIssueCode =
  | 'unknown_provider'
  | 'unknown_field'
  | 'invalid_type'
  | 'out_of_range'
  | 'invalid_value'
  | 'missing'
  | 'exclusive_sum'
  | 'not_pause_like';

/** One problem found in a config, with where it came from. */
export interface ConfigIssue {
  /** The level whose input holds the bad value. */
  readonly level: ConfigLevel;
  /** That level's input named for a human, e.g. `publisher "acme"` or `request overrides`. */
  readonly source: string;
  /** Path of the bad field from the config root, e.g. `['playback', 'seed']`. */
  readonly path: readonly (string | number)[];
  /** The path as dotted text, e.g. `playback.seed`; `(root)` for the root. */
  readonly pathText: string;
  /** The bad value (`undefined` when the field is missing). */
  readonly value: unknown;
  /** The kind of problem. */
  readonly code: ConfigIssueCode;
  /** What is wrong, for a human. */
  readonly message: string;
}

const BRAND = Symbol.for('@vast/config.ConfigError');

/** Formats a value briefly for an error message. */
function formatValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value !== 'object' || value === null) text = String(value);
  else {
    try {
      text = JSON.stringify(value);
    } catch {
      text = '(unprintable)';
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Thrown when a config input or a resolved config is invalid. It lists every problem at once in
 * {@link ConfigError.issues}, each naming the level, the path and the bad value; the message
 * repeats them one per line. Match on {@link ConfigError.code} (always `ERR_VAST_CONFIG`) or use
 * {@link isConfigError}, which also works across two installed copies of the package.
 *
 * @example
 * ```ts
 * try {
 *   resolver.resolve('tiger', 'acme', { playback: { seed: -1 } });
 * } catch (error) {
 *   if (isConfigError(error)) for (const issue of error.issues) console.log(issue.pathText, issue.value);
 * }
 * ```
 */
export class ConfigError extends Error {
  /** Always `ERR_VAST_CONFIG`. */
  readonly code: typeof CONFIG_ERROR_CODE = CONFIG_ERROR_CODE;
  /** Every problem found, in a stable order: by level (global first), then in the order found. */
  readonly issues: readonly ConfigIssue[];
  /** @internal */
  readonly [BRAND] = true;

  /**
   * @param issues - the problems; there is at least one
   */
  constructor(issues: readonly ConfigIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map(
      (issue) => `  - ${issue.source}: ${issue.pathText} = ${formatValue(issue.value)}: ${issue.message}`,
    );
    super(`Invalid config (${count}):\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * Whether a value is a {@link ConfigError}, also when it comes from another installed copy of
 * `@vast/config`.
 *
 * @param value - anything caught
 * @returns true for a config error
 */
export function isConfigError(value: unknown): value is ConfigError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
