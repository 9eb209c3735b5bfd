/**
 * The stable codes of the errors `@vast/session` throws:
 * - `ILLEGAL_TRANSITION`: a command not allowed in the session's status (`IllegalTransitionError`);
 * - `INVALID_SESSION_JSON`: session JSON or a config snapshot that is not valid (`InvalidSessionJsonError`);
 * - `INVALID_SESSION_ARGUMENT`: a caller bug, named in the message: an option of `PlaybackSession`,
 *   `QuartileTracker` or `ConfigSnapshotCache` out of range or of the wrong type, a position that
 *   is negative or not finite, a failure code that is not an IAB code (100 to 902), a clock that
 *   does not return a finite time.
 */
export type SessionErrorCode = 'ILLEGAL_TRANSITION' | 'INVALID_SESSION_JSON' | 'INVALID_SESSION_ARGUMENT';

const BRAND = Symbol.for('@vast/session.SessionError');

/**
 * The base of the errors `@vast/session` throws; match on {@link SessionError.code}, or test an
 * unknown value with {@link isSessionError}.
 *
 * @example
 * ```ts
 * try {
 *   session.fail({ code: 999 });
 * } catch (error) {
 *   if (isSessionError(error) && error.code === 'INVALID_SESSION_ARGUMENT') console.error(error.message);
 * }
 * ```
 */
export class SessionError extends Error {
  /** A stable code that does not change between releases. */
  readonly code: SessionErrorCode;

  /**
   * @param code - the stable code
   * @param message - a sentence for people
   * @param options - the `cause`, if any
   */
  constructor(code: SessionErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SessionError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link SessionError}, also when it comes from another installed copy of
 * `@vast/session` (where `instanceof` would say no).
 *
 * @param value - anything, typically a caught error
 * @returns `true` for errors thrown by `@vast/session`
 */
export function isSessionError(value: unknown): value is SessionError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
