import { VastErrorCode } from './vast-error-code.js';

// Typed over every named code, so a code added to the table without a meaning fails to compile.
const MEANINGS: Readonly<Record<VastErrorCode, string>> = Object.freeze({
  [VastErrorCode.XML_PARSE_ERROR]: 'XML parsing error',
  [VastErrorCode.SCHEMA_VALIDATION_ERROR]: 'VAST schema validation error',
  [VastErrorCode.VERSION_NOT_SUPPORTED]: 'VAST version of response not supported',
  [VastErrorCode.TRAFFICKING_ERROR]: 'Trafficking error: the player received an ad type it did not expect',
  [VastErrorCode.UNEXPECTED_LINEARITY]: 'The player expected a different linearity',
  [VastErrorCode.UNEXPECTED_DURATION]: 'The player expected a different duration',
  [VastErrorCode.UNEXPECTED_SIZE]: 'The player expected a different size',
  [VastErrorCode.WRAPPER_ERROR]: 'General wrapper error',
  [VastErrorCode.WRAPPER_TIMEOUT]: 'Timeout of the VAST URI of a wrapper',
  [VastErrorCode.WRAPPER_LIMIT_REACHED]: 'Wrapper limit reached',
  [VastErrorCode.NO_ADS_AFTER_WRAPPER]: 'No VAST response after one or more wrappers',
  [VastErrorCode.LINEAR_ERROR]: 'General linear error',
  [VastErrorCode.MEDIA_FILE_NOT_FOUND]: 'Media file not found',
  [VastErrorCode.MEDIA_FILE_TIMEOUT]: 'Timeout of a media file URI',
  [VastErrorCode.MEDIA_FILE_NOT_SUPPORTED]: 'No supported media file found',
  [VastErrorCode.MEDIA_FILE_DISPLAY_ERROR]: 'Problem displaying the media file',
  [VastErrorCode.NONLINEAR_ERROR]: 'General NonLinearAds error',
  [VastErrorCode.NONLINEAR_SIZE_MISMATCH]: 'Non-linear creative dimensions do not fit the display area',
  [VastErrorCode.NONLINEAR_FETCH_ERROR]: 'Unable to fetch a NonLinear resource',
  [VastErrorCode.NONLINEAR_NOT_SUPPORTED]: 'No NonLinear resource of a supported type',
  [VastErrorCode.COMPANION_ERROR]: 'General CompanionAds error',
  [VastErrorCode.COMPANION_SIZE_MISMATCH]: 'Companion dimensions do not fit the display area',
  [VastErrorCode.COMPANION_REQUIRED_NOT_DISPLAYED]: 'Unable to display a required companion',
  [VastErrorCode.COMPANION_FETCH_ERROR]: 'Unable to fetch a companion resource',
  [VastErrorCode.COMPANION_NOT_SUPPORTED]: 'No companion resource of a supported type',
  [VastErrorCode.UNDEFINED_ERROR]: 'Undefined error',
  [VastErrorCode.VPAID_ERROR]: 'General VPAID error',
  [VastErrorCode.INTERACTIVE_CREATIVE_ERROR]: 'General InteractiveCreativeFile error',
});

/**
 * The meaning of an IAB VAST error code the tables define, in a few words, for logs and reports.
 * A code in the range that the tables leave out (404, for one), or anything that is not a
 * {@link VastErrorCode}, has none: the answer is `undefined`.
 *
 * @param code - the number, such as the `errorCode` of a `VastError` or `session.failure.code`
 * @returns a short English description, or `undefined` for a code the IAB tables do not define
 * @example
 * ```ts
 * describeVastErrorCode(302); // 'Wrapper limit reached'
 * describeVastErrorCode(404); // undefined
 * ```
 */
export function describeVastErrorCode(code: number): string | undefined {
  // typeof: a JavaScript caller's '302' is not a code (isVastErrorCode refuses it too).
  return typeof code === 'number' && Object.hasOwn(MEANINGS, code) ? MEANINGS[code as VastErrorCode] : undefined;
}
