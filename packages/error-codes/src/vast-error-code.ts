/**
 * The IAB VAST error codes, by name: the numbers the IAB tables (VAST 2.0 to 4.3) define. A
 * `VastError` of `@vast/parser` carries one as its `errorCode`; the tracker sends one as
 * `[ERRORCODE]`; a `failed` interruption outcome of `@vast/config` and a failed session of
 * `@vast/session` hold one. The names are for readable code; `describeVastErrorCode` of
 * `@vast/error-codes` gives the meaning of each.
 *
 * 404 is not listed because the IAB tables (VAST 3.0 to 4.3) do not define it.
 *
 * @example
 * ```ts
 * import { VastErrorCode } from '@vast/error-codes';
 * import { isVastError, parseVast } from '@vast/parser';
 * try {
 *   parseVast(body);
 * } catch (error) {
 *   if (isVastError(error) && error.errorCode === VastErrorCode.XML_PARSE_ERROR) {
 *     // fire the Error pixels with [ERRORCODE] = 100
 *   }
 * }
 * ```
 */
export const VastErrorCode = {
  /** 100: XML parsing error (not XML, truncated, or a DOCTYPE / entity declaration). */
  XML_PARSE_ERROR: 100,
  /** 101: VAST schema validation error (a required element is missing or a value unparseable). */
  SCHEMA_VALIDATION_ERROR: 101,
  /** 102: VAST version of response not supported (VAST 1.0 or an unknown root). */
  VERSION_NOT_SUPPORTED: 102,
  /** 200: trafficking error; the player received an ad type it did not expect. */
  TRAFFICKING_ERROR: 200,
  /** 201: the player expected a different linearity. */
  UNEXPECTED_LINEARITY: 201,
  /** 202: the player expected a different duration. */
  UNEXPECTED_DURATION: 202,
  /** 203: the player expected a different size. */
  UNEXPECTED_SIZE: 203,
  /** 300: general wrapper error. */
  WRAPPER_ERROR: 300,
  /** 301: timeout of the VAST URI of a wrapper (including request errors and invalid URIs). */
  WRAPPER_TIMEOUT: 301,
  /** 302: wrapper limit reached. */
  WRAPPER_LIMIT_REACHED: 302,
  /** 303: no VAST response after one or more wrappers (includes an empty response). */
  NO_ADS_AFTER_WRAPPER: 303,
  /** 400: general linear error. */
  LINEAR_ERROR: 400,
  /** 401: media file not found. */
  MEDIA_FILE_NOT_FOUND: 401,
  /** 402: timeout of a media file URI. */
  MEDIA_FILE_TIMEOUT: 402,
  /** 403: no supported media file found. */
  MEDIA_FILE_NOT_SUPPORTED: 403,
  /** 405: problem displaying the media file. */
  MEDIA_FILE_DISPLAY_ERROR: 405,
  /** 500: general NonLinearAds error. */
  NONLINEAR_ERROR: 500,
  /** 501: non-linear creative dimensions do not fit the display area. */
  NONLINEAR_SIZE_MISMATCH: 501,
  /** 502: unable to fetch a NonLinear resource. */
  NONLINEAR_FETCH_ERROR: 502,
  /** 503: no NonLinear resource of a supported type. */
  NONLINEAR_NOT_SUPPORTED: 503,
  /** 600: general CompanionAds error. */
  COMPANION_ERROR: 600,
  /** 601: companion dimensions do not fit the display area. */
  COMPANION_SIZE_MISMATCH: 601,
  /** 602: unable to display a required companion. */
  COMPANION_REQUIRED_NOT_DISPLAYED: 602,
  /** 603: unable to fetch a companion resource. */
  COMPANION_FETCH_ERROR: 603,
  /** 604: no companion resource of a supported type. */
  COMPANION_NOT_SUPPORTED: 604,
  /** 900: undefined error. */
  UNDEFINED_ERROR: 900,
  /** 901: general VPAID error. */
  VPAID_ERROR: 901,
  /** 902: general InteractiveCreativeFile error. */
  INTERACTIVE_CREATIVE_ERROR: 902,
} as const;

/** One IAB VAST error code (a value of {@link VastErrorCode}), such as `100` or `303`. */
export type VastErrorCode = (typeof VastErrorCode)[keyof typeof VastErrorCode];
