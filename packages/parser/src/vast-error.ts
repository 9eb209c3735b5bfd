import type { VastErrorCode } from '@vast/error-codes';

const BRAND = Symbol.for('@vast/parser.VastError');

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
 * document or ad is a `VastError`. Like every error of the toolkit it has a string
 * {@link VastError.code} (always `'VAST_ERROR'`); what went wrong is the IAB number in
 * {@link VastError.errorCode}, the value for `[ERRORCODE]`. Test an unknown value with
 * {@link isVastError} (which works even when two copies of the package are installed).
 *
 * @example
 * ```ts
 * throw new VastError(VastErrorCode.WRAPPER_LIMIT_REACHED, 'more than 5 wrappers');
 * ```
 */
export class VastError extends Error {
  /** Always `'VAST_ERROR'`: the stable string code of the class; the IAB number is {@link VastError.errorCode}. */
  readonly code = 'VAST_ERROR' as const;
  /** The IAB VAST error code (100 to 902), to put into `[ERRORCODE]` of the Error pixels. */
  readonly errorCode: VastErrorCode;
  /** The path of the element the error concerns, when there is one. */
  readonly path: string | undefined;
  /** Always `'VastError'`. */
  override readonly name = 'VastError';

  /**
   * @param errorCode - the IAB error code
   * @param message - what went wrong, for people
   * @param options - the cause and the element path
   */
  constructor(errorCode: VastErrorCode, message: string, options: VastErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.errorCode = errorCode;
    this.path = options.path;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Tells whether a value is a {@link VastError}, from this copy of the package or any other (it
 * tests the `Symbol.for('@vast/parser.VastError')` brand, not the prototype chain).
 *
 * @param value - anything, typically what a `catch` received
 * @returns `true` when `value` is a `VastError`
 * @example
 * ```ts
 * catch (error) { if (isVastError(error)) report(error.errorCode); }
 * ```
 */
export function isVastError(value: unknown): value is VastError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[BRAND] === true &&
    typeof (value as { errorCode?: unknown }).errorCode === 'number'
  );
}
