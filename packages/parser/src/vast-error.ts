import type { VastErrorCode } from './vast-error-code.js';

const BRAND = Symbol.for('@vast/VastError');

/** Options of the {@link VastError} constructor. */
export interface VastErrorOptions {
  /** The error that caused this one; kept as the standard `cause`. */
  readonly cause?: unknown;
  /**
   * The path of the element the error concerns, such as `VAST/Ad[0]/InLine/Creatives`.
   * @defaultValue undefined (no path)
   */
  readonly path?: string;
}

/**
 * A VAST failure with its IAB error code. Every error the `@vast` packages raise about a VAST
 * document or ad is a `VastError`; match on {@link VastError.code}, or test an unknown value with
 * {@link isVastError} (which works even when two copies of the package are installed).
 *
 * @example
 * ```ts
 * throw new VastError(VastErrorCode.WRAPPER_LIMIT_REACHED, 'more than 5 wrappers');
 * ```
 */
export class VastError extends Error {
  /** The IAB error code, to put into `[ERRORCODE]` of the Error pixels. */
  readonly code: VastErrorCode;
  /** The path of the element the error concerns, when there is one. */
  readonly path: string | undefined;
  /** Always `'VastError'`. */
  override readonly name = 'VastError';

  /**
   * @param code - the IAB error code
   * @param message - what went wrong, for people
   * @param options - the cause and the element path
   */
  constructor(code: VastErrorCode, message: string, options: VastErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Tells whether a value is a {@link VastError}, from this copy of the package or any other (it
 * tests the `Symbol.for('@vast/VastError')` brand, not the prototype chain).
 *
 * @param value - anything, typically what a `catch` received
 * @returns `true` when `value` is a `VastError`
 * @example
 * ```ts
 * catch (error) { if (isVastError(error)) report(error.code); }
 * ```
 */
export function isVastError(value: unknown): value is VastError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[BRAND] === true &&
    typeof (value as { code?: unknown }).code === 'number'
  );
}
