/** The stable codes of the errors `@vast/session` throws. */
export type SessionErrorCode = 'ILLEGAL_TRANSITION' | 'INVALID_SESSION_JSON' | 'SESSION_NOT_FOUND';

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
  }
}
