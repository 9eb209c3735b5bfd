import { ConfigResolver, type ConfigOverrides, type ResolvedConfig } from '@vast/config';
import { parseVast, type InlineAd } from '@vast/parser';
import { inlineVast, type InlineVastOptions } from '@vast/testkit';
import { SimulatedTimeProvider } from '@vast/time';
import { RecordingBeaconTransport } from '@vast/tracker';
import { PlaybackScheduler, VastPlayer, type VastPlayerOptions } from '../src/index.js';

/** Where the test ads' tracking URLs point; never called (the transport records). */
const TRACKING_BASE = 'https://track.example/inline';

const resolver = new ConfigResolver();

/** The global profile's config with playback overrides. */
export function configWith(playback: NonNullable<ConfigOverrides['playback']> = {}): ResolvedConfig {
  return resolver.resolve('global', undefined, { playback });
}

/** A parsed inline ad built by the testkit (4 seconds unless told). */
export function testAd(options: Partial<InlineVastOptions> = {}): InlineAd {
  const ad = parseVast(inlineVast({ trackingBase: TRACKING_BASE, durationSeconds: 4, ...options })).ads[0];
  if (ad?.type !== 'inline') throw new Error('the builder gave no inline ad');
  return ad;
}

/** A player on a manual simulated clock, with a recording transport and a scheduler on that clock. */
export interface ClockedPlayer {
  readonly time: SimulatedTimeProvider;
  readonly scheduler: PlaybackScheduler;
  readonly transport: RecordingBeaconTransport;
  readonly player: VastPlayer;
  /** The beacon events recorded so far, e.g. `['impression', 'creativeView', 'start']`. */
  readonly events: () => string[];
}

/** Makes a {@link ClockedPlayer}; `options` override the player's options. */
export function clockedPlayer(options: Partial<VastPlayerOptions> = {}): ClockedPlayer {
  const time = new SimulatedTimeProvider({ mode: 'manual' });
  const scheduler = new PlaybackScheduler({ time });
  const transport = new RecordingBeaconTransport();
  const player = new VastPlayer({ ad: testAd(), config: configWith(), transport, scheduler, time, sessionId: 'test-session', ...options });
  return { time, scheduler, transport, player, events: () => transport.beacons().map((b) => b.event) };
}

/** Calls `act` and returns the `code` of what it threw (fails the test when it does not throw). */
export function codeOf(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  throw new Error('expected a throw');
}
