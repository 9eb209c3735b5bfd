import { z } from 'zod';

/**
 * How a playback session runs: on the wall clock for a real viewer (`real`), on a simulated clock
 * with nobody watching (`headless`), or chosen from the environment (`auto`). Users may pass the
 * constant (`PlaybackMode.HEADLESS`) or the plain string (`'headless'`).
 *
 * @example
 * ```ts
 * const config = { mode: PlaybackMode.HEADLESS };
 * ```
 */
export const PlaybackMode = {
  /** Wall-clock playback for a real viewer; beacons are sent. */
  REAL: 'real',
  /** Simulated clock, no viewer; a dry run that records beacons unless told otherwise. */
  HEADLESS: 'headless',
  /** Decide from the environment (CI, test runner, no display) at player creation. */
  AUTO: 'auto',
} as const;

/** One of the values of {@link PlaybackMode}: `'real' | 'headless' | 'auto'`. */
export type PlaybackMode = (typeof PlaybackMode)[keyof typeof PlaybackMode];

/** The zod schema of {@link PlaybackMode}. */
export const PlaybackModeSchema = z.enum(PlaybackMode);
