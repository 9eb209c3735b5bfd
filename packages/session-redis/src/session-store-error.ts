/**
 * The stable codes of the errors `@vast/session-redis` throws:
 * - `SESSION_CONFLICT`: the session changed in Redis since this store read it (see {@link SessionConflictError});
 * - `SESSION_STORE_UNAVAILABLE`: Redis cannot be reached (refused, connection lost, the store was closed);
 * - `SESSION_STORE_TIMEOUT`: Redis did not answer within `operationTimeoutMs`;
 * - `SESSION_STORE_REDIS_ERROR`: Redis answered with an error (e.g. `WRONGTYPE` for a key that is
 *   not one of the store's, `OOM`, `READONLY` on a replica).
 */
export type SessionStoreErrorCode =
  | 'SESSION_CONFLICT'
  | 'SESSION_STORE_UNAVAILABLE'
  | 'SESSION_STORE_TIMEOUT'
  | 'SESSION_STORE_REDIS_ERROR';

const BRAND = Symbol.for('@vast/session-redis.SessionStoreError');

/**
 * The base of the errors `@vast/session-redis` throws; match on {@link SessionStoreError.code}.
 * Invalid session JSON found in Redis is not one of them: it is `@vast/session`'s
 * `InvalidSessionJsonError` (code `INVALID_SESSION_JSON`), as for any other bad JSON.
 */
export class SessionStoreError extends Error {
  /** A stable code that does not change between releases. */
  readonly code: SessionStoreErrorCode;

  /**
   * @param code - the stable code
   * @param message - a sentence for people
   * @param options - the `cause` (the Redis client's error), if any
   */
  constructor(code: SessionStoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SessionStoreError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link SessionStoreError}, also when it comes from another installed copy
 * of `@vast/session-redis` (where `instanceof` would say no).
 *
 * @example
 * ```ts
 * import { isSessionStoreError } from '@vast/session-redis';
 *
 * function retryable(error: unknown): boolean {
 *   return isSessionStoreError(error) && error.code !== 'SESSION_STORE_REDIS_ERROR';
 * }
 * ```
 *
 * @param value - anything, typically a caught error
 * @returns `true` for errors thrown by `@vast/session-redis`
 */
export function isSessionStoreError(value: unknown): value is SessionStoreError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
