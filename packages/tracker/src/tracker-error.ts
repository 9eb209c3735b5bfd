/**
 * The stable codes of the errors `@vast/tracker` throws:
 * - `INVALID_TRACKER_ARGUMENT`: a caller bug, named in the message: `tracker.error(code)` with a
 *   code that is not an IAB VAST error code (an integer from 100 to 902), a `MacroExpander`
 *   `maxTemplates` that is not a positive integer, a time `formatTimestamp` cannot write (also
 *   when `[TIMESTAMP]` is expanded with a clock that gives one).
 *
 * Beacons never throw: each gets a `BeaconOutcome`.
 */
export type TrackerErrorCode = 'INVALID_TRACKER_ARGUMENT';

const BRAND = Symbol.for('@vast/tracker.TrackerError');

/**
 * The error `@vast/tracker` throws; match on {@link TrackerError.code}, or test an unknown value
 * with {@link isTrackerError}.
 *
 * @example
 * ```ts
 * try {
 *   tracker.error(code);
 * } catch (error) {
 *   if (isTrackerError(error)) console.error(error.code, error.message); // INVALID_TRACKER_ARGUMENT
 * }
 * ```
 */
export class TrackerError extends Error {
  /** A stable code that does not change between releases. */
  readonly code: TrackerErrorCode;

  /**
   * @param code - the stable code
   * @param message - a sentence for people
   */
  constructor(code: TrackerErrorCode, message: string) {
    super(message);
    this.name = 'TrackerError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link TrackerError}, also when it comes from another installed copy of
 * `@vast/tracker` (it tests the `Symbol.for('@vast/tracker.TrackerError')` brand).
 *
 * @param value - anything, typically a caught error
 * @returns `true` for errors thrown by `@vast/tracker`
 */
export function isTrackerError(value: unknown): value is TrackerError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
