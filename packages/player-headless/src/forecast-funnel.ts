import type { ResolvedConfig } from '@vast/config';
import { PlayerError, prepareAd, type PlayableAd } from '@vast/player-core';
import { ConfigSnapshotCache, type PlaybackStatus } from '@vast/session';
import { SimulatedTimeProvider, createSeededRandom } from '@vast/time';
import { MacroExpander, NullBeaconTransport } from '@vast/tracker';
import { HeadlessPlayer } from './headless-player.js';

/** Options of {@link forecastFunnel}. */
export interface ForecastFunnelOptions {
  /** The ad to play (a resolved ad or a parsed inline ad). */
  readonly ad: PlayableAd;
  /** The resolved config: its interruption rules are the model. */
  readonly config: ResolvedConfig;
  /** How many sessions to play (a positive integer). */
  readonly sessions: number;
  /**
   * The seed of the whole run: the same seed, ad and config give the same forecast.
   * @defaultValue the config's `playback.seed`
   */
  readonly seed?: number;
  /**
   * Whether the config's interruption rules apply.
   * @defaultValue `true`
   */
  readonly interruptions?: boolean;
  /** The provider name recorded in each session. @defaultValue `'global'` */
  readonly provider?: string;
  /**
   * Called as sessions finish (about every 1% of the run, and at the end), e.g. for a progress bar.
   * @defaultValue none
   */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the run early: the forecast covers the sessions played so far. */
  readonly signal?: AbortSignal;
}

/** How many sessions reached each step of the funnel. */
export interface Funnel {
  /** Sessions whose impressions fired. */
  readonly impression: number;
  /** Sessions that started. */
  readonly start: number;
  /** Sessions that reached 25%. */
  readonly firstQuartile: number;
  /** Sessions that reached 50%. */
  readonly midpoint: number;
  /** Sessions that reached 75%. */
  readonly thirdQuartile: number;
  /** Sessions that completed. */
  readonly complete: number;
}

/** The steps of a {@link Funnel}, in order. */
export const FUNNEL_STEPS: readonly (keyof Funnel)[] = Object.freeze([
  'impression',
  'start',
  'firstQuartile',
  'midpoint',
  'thirdQuartile',
  'complete',
]);

/** What {@link forecastFunnel} found. */
export interface FunnelForecast {
  /** How many sessions were played (fewer than asked when the signal stopped the run). */
  readonly sessions: number;
  /** The seed of the run. */
  readonly seed: number;
  /** Sessions per funnel step. */
  readonly funnel: Funnel;
  /** Sessions per terminal status. */
  readonly statuses: Readonly<Record<Extract<PlaybackStatus, 'completed' | 'stopped' | 'interrupted' | 'failed'>, number>>;
  /** Interruptions by type (a session can have several pause-like ones). */
  readonly interruptions: Readonly<Record<string, number>>;
  /** Failed sessions by IAB error code. */
  readonly errors: Readonly<Record<string, number>>;
}

type Counts = Record<string, number>;

const bump = (counts: Counts, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * Plays `sessions` headless sessions of one ad under one config and counts the completion funnel
 * (impression, start, each quartile, complete), the end statuses, the interruptions by type and
 * the errors. Deterministic: one seeded source feeds every session in turn, so the same seed gives
 * the same numbers. No beacon is sent (nor kept: the run uses a `NullBeaconTransport`), and the
 * sessions are not retained.
 *
 * @param options - the ad, the config, the number of sessions and the seed
 * @returns the forecast
 * @throws `PlayerError` `INVALID_ARGUMENT` (of `@vast/player-core`) when `sessions` is not a positive integer
 * @example
 * ```ts
 * const forecast = await forecastFunnel({ ad: resolution.ads[0], config, sessions: 100_000, seed: 1 });
 * console.log(forecast.funnel.complete / forecast.sessions); // the completion rate
 * ```
 */
export async function forecastFunnel(options: ForecastFunnelOptions): Promise<FunnelForecast> {
  const { sessions, config } = options;
  if (!Number.isSafeInteger(sessions) || sessions < 1) throw new PlayerError('INVALID_ARGUMENT', `forecastFunnel: sessions must be a positive integer, got ${String(sessions)}`);
  const seed = options.seed ?? config.playback.seed;
  const random = createSeededRandom(seed);
  // One clock, expander, transport, prepared ad and config snapshot for the run: each session pays only for itself.
  const time = new SimulatedTimeProvider({ mode: 'manual' });
  const expander = new MacroExpander({
    time,
    random,
    macroSyntaxes: config.tracker.macroSyntaxes,
    staticMacros: config.tracker.staticMacros,
  });
  const transport = new NullBeaconTransport();
  const ad = prepareAd(options.ad);
  const configCache = new ConfigSnapshotCache();
  const funnel: Counts = Object.fromEntries(FUNNEL_STEPS.map((step) => [step, 0]));
  const statuses: Counts = { completed: 0, stopped: 0, interrupted: 0, failed: 0 };
  const interruptions: Counts = {};
  const errors: Counts = {};
  const every = Math.max(1, Math.floor(sessions / 100));
  let played = 0;
  for (; played < sessions && options.signal?.aborted !== true; played++) {
    const player = new HeadlessPlayer({
      ad,
      config,
      time,
      random,
      expander,
      transport,
      configCache,
      sessionId: `forecast-${seed}-${played}`,
      interruptions: options.interruptions ?? true,
      ...(options.provider === undefined ? {} : { provider: options.provider }),
    });
    const { session, interruptions: happened } = await player.play();
    for (const event of session.events) if (event.type in funnel) bump(funnel, event.type);
    bump(statuses, session.status);
    for (const interruption of happened) bump(interruptions, interruption.type);
    const failure = session.failure;
    if (failure !== null) bump(errors, String(failure.code));
    if ((played + 1) % every === 0) {
      options.onProgress?.(played + 1, sessions);
      // Let timers and I/O run between batches: a long run must not starve the process.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  if (played % every !== 0) options.onProgress?.(played, sessions);
  return {
    sessions: played,
    seed,
    funnel: funnel as unknown as Funnel,
    statuses: statuses as FunnelForecast['statuses'],
    interruptions,
    errors,
  };
}
