import type { PlaybackMode, ResolvedConfig } from '@vast/config';
import type { BaseVastPlayer, PlayableAd } from '@vast/player-core';
import { HeadlessPlayer } from '@vast/player-headless';
import { VastPlayer } from '@vast/player-realtime';
import { detectPlaybackEnvironment, type EnvironmentVariables } from '@vast/time';
import type { BeaconTransport } from '@vast/tracker';

/** The mode a playback runs in, and why. */
export interface PlaybackModeDecision {
  /** The mode asked for: explicitly, or by the config. */
  readonly requested: PlaybackMode;
  /** The mode it plays in. */
  readonly mode: 'real' | 'headless';
  /** One sentence: why this mode (explicit, config, or what auto mode detected). */
  readonly reason: string;
}

/**
 * Decides the mode of a playback: an explicit `mode` wins over the config's `playback.mode`; auto
 * mode asks `detectPlaybackEnvironment` of `@vast/time`, the project's one detector.
 *
 * @param config - the resolved config
 * @param mode - the explicit mode, if any
 * @param env - the environment auto mode reads
 * @returns the decision
 * @throws RangeError when auto mode meets a `VAST_PLAYBACK_MODE` it does not know
 */
export function choosePlaybackMode(config: ResolvedConfig, mode?: PlaybackMode, env?: EnvironmentVariables): PlaybackModeDecision {
  const requested = mode ?? config.playback.mode;
  if (requested === 'auto') {
    const detected = detectPlaybackEnvironment(env ?? process.env);
    return { requested, mode: detected.headless ? 'headless' : 'real', reason: `auto: ${detected.detail}` };
  }
  return { requested, mode: requested, reason: mode === undefined ? `the config's playback.mode is ${requested}` : `--mode ${requested}` };
}

/** Options of {@link createCliPlayer}. */
export interface CliPlayerOptions {
  /** The ad. */
  readonly ad: PlayableAd;
  /** The resolved config. */
  readonly config: ResolvedConfig;
  /** The mode, from {@link choosePlaybackMode}. */
  readonly decision: PlaybackModeDecision;
  /**
   * A transport that sends. The real player always needs one; the headless player uses it only
   * when given (and the config must allow it), otherwise it records.
   */
  readonly sendingTransport: () => BeaconTransport;
  /** Whether a headless player sends its beacons (through `sendingTransport`). */
  readonly headlessSends: boolean;
  /** The seed of a headless player. */
  readonly seed?: number | undefined;
  /** Whether a headless player applies the interruption model. @defaultValue `true` */
  readonly interruptions?: boolean | undefined;
  /** The provider name recorded in the session. */
  readonly provider: string;
}

/**
 * Makes the player of `vast play`: `VastPlayer` (wall clock, beacons sent) for real mode,
 * `HeadlessPlayer` (simulated clock, beacons recorded unless asked) for headless mode, as
 * {@link choosePlaybackMode} decided. The decision is recorded in the session under `player`.
 *
 * This stands in for `@vast/factory`'s `PlayerFactory` until that package lands.
 *
 * @param options - the ad, the config, the decision and the transports
 * @returns the player, not yet playing
 * @throws PlayerError for options the player refuses
 */
export function createCliPlayer(options: CliPlayerOptions): BaseVastPlayer {
  const { requested, mode, reason } = options.decision;
  const record = { requestedMode: requested, chosenMode: mode, reason };
  const common = { ad: options.ad, config: options.config, provider: options.provider, record };
  if (mode === 'real') return new VastPlayer({ ...common, transport: options.sendingTransport() });
  return new HeadlessPlayer({
    ...common,
    ...(options.headlessSends ? { transport: options.sendingTransport() } : {}),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    interruptions: options.interruptions ?? true,
  });
}
