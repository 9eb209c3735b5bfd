/**
 * The stable codes of the errors the players throw:
 * - `INVALID_PLAYER_OPTIONS`: an option is missing or wrong (the message names it);
 * - `ILLEGAL_PLAYER_STATE`: the call is not allowed now (`play()` twice, `pause()` before start,
 *   any control after the end...);
 * - `NOT_SKIPPABLE`: `skip()` on an ad without a `skipoffset`;
 * - `SKIP_NOT_YET_ALLOWED`: `skip()` before the skip offset;
 * - `BEACONS_NOT_ALLOWED`: a headless player was given a sending transport while the config's
 *   `headlessMaySendBeacons` is off;
 * - `INVALID_ARGUMENT`: a method was given a value it cannot take (the message names it).
 *
 * Problems with the ad itself (no linear creative, no playable media, expired...) never throw:
 * the session ends `failed` with the IAB code, and the Error pixels fire.
 */
export type PlayerErrorCode =
  | 'INVALID_PLAYER_OPTIONS'
  | 'ILLEGAL_PLAYER_STATE'
  | 'NOT_SKIPPABLE'
  | 'SKIP_NOT_YET_ALLOWED'
  | 'BEACONS_NOT_ALLOWED'
  | 'INVALID_ARGUMENT';

const BRAND = Symbol.for('@vast/player-core.PlayerError');

/**
 * The error the players throw; match on {@link PlayerError.code}.
 *
 * @example
 * ```ts
 * try {
 *   player.skip();
 * } catch (error) {
 *   if (isPlayerError(error) && error.code === 'SKIP_NOT_YET_ALLOWED') showSkipCountdown();
 * }
 * ```
 */
export class PlayerError extends Error {
  /** A stable code that does not change between releases. */
  readonly code: PlayerErrorCode;

  /**
   * @param code - the stable code
   * @param message - a sentence for people
   * @param options - the `cause`, if any
   */
  constructor(code: PlayerErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PlayerError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link PlayerError}, also when it comes from another installed copy of
 * `@vast/player-core` (where `instanceof` would say no).
 *
 * @param value - anything, typically a caught error
 * @returns `true` for errors thrown by the players
 */
export function isPlayerError(value: unknown): value is PlayerError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
