import type { ResolvedConfig } from '@vast/config';
import type { PlaybackEvent, PlaybackSession } from '@vast/session';
import type { Tracker } from '@vast/tracker';

/**
 * Hands one logged event to a tracker, the way `TrackedPlayback` of `@vast/player-core` does
 * while a player plays: the quartiles and progress offsets as marks reached, close as
 * `closeLinear` and `close`, an error as the Error URLs with its code; stop and interruptions
 * fire nothing. The tracker's own exactly-once and change-of-state rules apply.
 *
 * @param tracker - the tracker of the replay
 * @param event - the logged event
 * @param track - whether quartile/complete and progress beacons are sent (the session's config)
 */
export function fireEventBeacons(tracker: Tracker, event: PlaybackEvent, track: { quartiles: boolean; progress: boolean }): void {
  const at = { adPlayheadMs: event.mediaTime };
  switch (event.type) {
    case 'firstQuartile':
    case 'midpoint':
    case 'thirdQuartile':
      if (track.quartiles) tracker.reached({ type: event.type }, at);
      return;
    case 'complete':
      if (track.quartiles) tracker.track('complete', at);
      return;
    case 'progress':
      if (track.progress) tracker.reached({ type: 'progress', offset: event.offset }, at);
      return;
    case 'close':
      tracker.track('closeLinear', at);
      tracker.track('close', at);
      return;
    case 'error':
      tracker.error(event.code, at);
      return;
    case 'stop':
    case 'interruption':
      return;
    default:
      tracker.track(event.type, at);
  }
}

/** The parts of a session's config snapshot a replay reads. */
export interface ReplaySettings {
  /** The config's `playback.trackQuartiles` and `playback.trackProgress`. */
  readonly track: { quartiles: boolean; progress: boolean };
  /** The macro syntaxes and static values of the session's provider. */
  readonly macros: Pick<ResolvedConfig['tracker'], 'macroSyntaxes' | 'staticMacros'> | undefined;
  /** Whether the session sent its beacons when it played (real mode, or headless `sent`). */
  readonly alreadySent: boolean;
}

/**
 * Reads what a replay needs from a restored session's config snapshot (the `ResolvedConfig` it
 * played with, plus the player's record under `player`).
 *
 * @param session - the restored session
 * @returns the settings
 */
export function replaySettings(session: PlaybackSession): ReplaySettings {
  const config = session.config as Partial<ResolvedConfig> & { readonly player?: { readonly beacons?: string } };
  const playback = config.playback;
  return {
    track: { quartiles: playback?.trackQuartiles ?? true, progress: playback?.trackProgress ?? true },
    macros: config.tracker === undefined ? undefined : { macroSyntaxes: config.tracker.macroSyntaxes, staticMacros: config.tracker.staticMacros },
    alreadySent: session.mode === 'real' || config.player?.beacons === 'sent',
  };
}
