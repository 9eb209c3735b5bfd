/**
 * The stable codes of the errors the factory throws:
 * - `INVALID_FACTORY_OPTIONS`: an option is wrong (the message names it), e.g. an unknown mode,
 *   or a real player's `time` that is not its scheduler's clock;
 * - `INVALID_PLAYBACK_ENVIRONMENT`: auto mode met a `VAST_PLAYBACK_MODE` it does not know;
 * - `FACTORY_CLOSED`: `create*()` after {@link PlayerFactory.close}.
 *
 * Config problems throw the `ConfigError` of `@vast/config` (code `ERR_VAST_CONFIG`); player
 * problems the `PlayerError` of `@vast/player-core`.
 */
export type FactoryErrorCode = 'INVALID_FACTORY_OPTIONS' | 'INVALID_PLAYBACK_ENVIRONMENT' | 'FACTORY_CLOSED';

const BRAND = Symbol.for('@vast/factory.FactoryError');

/**
 * The error the factory throws; match on {@link FactoryError.code}.
 *
 * @example
 * ```ts
 * try {
 *   factory.create(ad, { mode: 'auto' });
 * } catch (error) {
 *   if (isFactoryError(error) && error.code === 'INVALID_PLAYBACK_ENVIRONMENT') console.error(error.message);
 * }
 * ```
 */
export class FactoryError extends Error {
  /** A stable code that does not change between releases. */
  readonly code: FactoryErrorCode;

  /**
   * @param code - the stable code
   * @param message - a sentence for people
   * @param options - the `cause`, if any
   */
  constructor(code: FactoryErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'FactoryError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link FactoryError}, also when it comes from another installed copy of
 * `@vast/factory` (where `instanceof` would say no).
 *
 * @param value - anything, typically a caught error
 * @returns `true` for errors thrown by the factory
 */
export function isFactoryError(value: unknown): value is FactoryError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
