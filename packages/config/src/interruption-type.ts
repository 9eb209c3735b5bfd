import { z } from 'zod';

/**
 * The kinds of interruption a simulated (or reported) ad playback can suffer. Users may pass the
 * constant (`InterruptionType.VIEWER_PAUSE`) or the plain string (`'viewerPause'`).
 */
export const InterruptionType = {
  /** The viewer pauses; playback resumes after a while (pause-like). */
  VIEWER_PAUSE: 'viewerPause',
  /** The viewer leaves the ad for good (closes the player, presses back). */
  VIEWER_EXIT: 'viewerExit',
  /** The viewer zaps to another channel. */
  CHANNEL_CHANGE: 'channelChange',
  /** The app goes to the background; it may come back (pause-like). */
  APP_BACKGROUNDED: 'appBackgrounded',
  /** The media stream fails on the network. */
  NETWORK_ERROR: 'networkError',
  /** Buffering lasts longer than the player allows. */
  BUFFERING_TIMEOUT: 'bufferingTimeout',
  /** The device goes to sleep; it may wake up again (pause-like). */
  DEVICE_SLEEP: 'deviceSleep',
} as const;

/** One of the values of {@link InterruptionType}, e.g. `'viewerPause'`. */
export type InterruptionType = (typeof InterruptionType)[keyof typeof InterruptionType];

/** The zod schema of {@link InterruptionType}. */
export const InterruptionTypeSchema = z.enum(InterruptionType);

/**
 * The interruption types that can end in `resumed` (playback continues after a delay). Every
 * other type ends the ad: its outcome must be `stopped` or `failed`.
 */
export const PAUSE_LIKE_INTERRUPTIONS: readonly InterruptionType[] = Object.freeze([
  InterruptionType.VIEWER_PAUSE,
  InterruptionType.APP_BACKGROUNDED,
  InterruptionType.DEVICE_SLEEP,
]);

/**
 * Whether an interruption type may end in `resumed`.
 *
 * @param type - the interruption type
 * @returns true for the types in {@link PAUSE_LIKE_INTERRUPTIONS}
 */
export function isPauseLike(type: InterruptionType): boolean {
  return PAUSE_LIKE_INTERRUPTIONS.includes(type);
}
