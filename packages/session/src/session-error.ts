/** The stable codes of the errors `@vast/session` throws. */
export type SessionErrorCode = 'ILLEGAL_TRANSITION' | 'INVALID_SESSION_JSON';

const BRAND = Symbol.for('@vast/session.SessionError');

/** The base of the errors `@vast/session` throws; match on {@link SessionError.code}. */
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
