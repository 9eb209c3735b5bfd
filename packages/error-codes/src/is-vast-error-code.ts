/**
 * Whether a value is an IAB VAST error code: an integer from 100 to 902, the range the IAB tables
 * (VAST 2.0 to 4.3) define. Codes the tables leave out inside that range (404, for one) are
 * accepted, as ad servers and players may use them; {@link VastErrorCode} names the defined ones.
 * The one range check of the toolkit: the config (`failed` interruption outcomes), the session,
 * the tracker and the players use it.
 *
 * @param value - anything, such as the code given to `tracker.error(code)`
 * @returns `true` for an integer from 100 to 902
 * @example
 * ```ts
 * isVastErrorCode(302); // true
 * isVastErrorCode(903); // false
 * ```
 */
export function isVastErrorCode(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 902;
}
