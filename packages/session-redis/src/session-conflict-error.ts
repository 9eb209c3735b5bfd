import { SessionStoreError } from './session-store-error.js';

/**
 * A checked put found another version of the session in Redis than it expected (code
 * `SESSION_CONFLICT`): another instance saved (or deleted) it since this one read it. Nothing was
 * written. Read it again, apply the change again and save: {@link RedisSessionStore.update} does
 * exactly that.
 */
export class SessionConflictError extends SessionStoreError {
  /** The session id. */
  readonly sessionId: string;
  /** The version the put expected. */
  readonly expectedVersion: number;
  /** The version found in Redis; `0` when the session is not there (deleted or expired). */
  readonly actualVersion: number;

  /**
   * @param sessionId - the session id
   * @param expectedVersion - the version the put expected
   * @param actualVersion - the version in Redis (`0`: none)
   */
  constructor(sessionId: string, expectedVersion: number, actualVersion: number) {
    super(
      'SESSION_CONFLICT',
      actualVersion === 0
        ? `Session ${JSON.stringify(sessionId)} was deleted or expired since version ${expectedVersion} was read`
        : `Session ${JSON.stringify(sessionId)} is at version ${actualVersion} in Redis, not ${expectedVersion}: another instance saved it`,
    );
    this.name = 'SessionConflictError';
    this.sessionId = sessionId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}
