/**
 * The stable codes of the errors the mock ad server throws:
 * - `WAIT_FOR_TIMEOUT`: `server.waitFor()` saw fewer matching requests than it waited for
 *   before its timeout (the message names how many it saw).
 */
export type MockAdServerErrorCode = 'WAIT_FOR_TIMEOUT';

const BRAND = Symbol.for('@vast/testkit.MockAdServerError');

/**
 * The error the mock ad server throws; match on {@link MockAdServerError.code}, or test an
 * unknown value with {@link isMockAdServerError}.
 *
 * @example
 * ```ts
 * await server.waitFor((r) => r.path === '/track/complete', { timeout: 1000 }).catch((error: unknown) => {
 *   if (isMockAdServerError(error)) console.error(error.code, error.message); // WAIT_FOR_TIMEOUT
 * });
 * ```
 */
export class MockAdServerError extends Error {
  /** A stable code that does not change between releases. */
  readonly code: MockAdServerErrorCode;

  /**
   * @param code - the stable code
   * @param message - a sentence for people
   */
  constructor(code: MockAdServerErrorCode, message: string) {
    super(message);
    this.name = 'MockAdServerError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link MockAdServerError}, also when it comes from another installed copy of
 * `@vast/testkit` (it tests the `Symbol.for('@vast/testkit.MockAdServerError')` brand).
 *
 * @param value - anything, typically a caught error
 * @returns `true` for errors thrown by the mock ad server
 */
export function isMockAdServerError(value: unknown): value is MockAdServerError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
