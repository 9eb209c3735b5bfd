/**
 * The stable codes of the {@link ConfigResolverError}s:
 * - `INVALID_RESOLVER_OPTIONS`: an option of the `ConfigResolver` itself (not a config value) is
 *   wrong, e.g. a `maxCacheEntries` that is not a non-negative integer. The message names it.
 *
 * An invalid config value throws a `ConfigError` (`ERR_VAST_CONFIG`) instead.
 */
export type ConfigResolverErrorCode = 'INVALID_RESOLVER_OPTIONS';

const BRAND = Symbol.for('@vast/config.ConfigResolverError');

/**
 * A wrong option of `new ConfigResolver(options)` (a caller bug); match on
 * {@link ConfigResolverError.code} or test an unknown value with {@link isConfigResolverError}.
 *
 * @example
 * ```ts
 * try {
 *   new ConfigResolver({ maxCacheEntries: -1 });
 * } catch (error) {
 *   if (isConfigResolverError(error)) console.error(error.code, error.message); // INVALID_RESOLVER_OPTIONS
 * }
 * ```
 */
export class ConfigResolverError extends Error {
  /** A stable code that does not change between releases. */
  readonly code: ConfigResolverErrorCode;

  /**
   * @param code - the stable code
   * @param message - a sentence for people
   */
  constructor(code: ConfigResolverErrorCode, message: string) {
    super(message);
    this.name = 'ConfigResolverError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link ConfigResolverError}, also when it comes from another installed copy
 * of `@vast/config` (it tests the `Symbol.for('@vast/config.ConfigResolverError')` brand).
 *
 * @param value - anything, typically a caught error
 * @returns `true` for a wrong `ConfigResolver` option
 */
export function isConfigResolverError(value: unknown): value is ConfigResolverError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
