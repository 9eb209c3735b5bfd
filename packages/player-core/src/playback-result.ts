import type { MediaFile, InlineAd } from '@vast/parser';
import type { PlaybackSession, PlaybackStatus } from '@vast/session';
import type { BeaconOutcome } from '@vast/tracker';
import type { PlayerInterruption } from './player-interruption.js';

/** What `play()` resolves to once the ad ended and every beacon has an outcome. */
export interface PlaybackResult {
  /** The inline ad that played (or failed). */
  readonly ad: InlineAd;
  /** The session: its log is the truth of what happened. */
  readonly session: PlaybackSession;
  /** The terminal status: `completed`, `stopped`, `interrupted` or `failed`. */
  readonly status: PlaybackStatus;
  /** The media file played, or `null` when the ad failed before one was chosen. */
  readonly mediaFile: MediaFile | null;
  /** The outcome of every beacon, in the order they became known (empty with `keepOutcomes: false`). */
  readonly outcomes: readonly BeaconOutcome[];
  /** The interruptions the playback went through, in order. */
  readonly interruptions: readonly PlayerInterruption[];
}
