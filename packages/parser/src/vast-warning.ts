import type { VastErrorCode } from '@vast/error-codes';

/**
 * A problem lenient parsing stepped over (strict parsing throws it as a `VastError` instead):
 * a missing required element or an unparseable value.
 */
export interface VastWarning {
  /** The IAB code strict mode would throw (101 for schema problems). */
  readonly code: VastErrorCode;
  /** The element path, such as `VAST/Ad[0]/InLine/Creatives/Creative[1]/Linear/Duration`. */
  readonly path: string;
  /** What is wrong, for people. */
  readonly message: string;
}
