import { setMaxListeners } from 'node:events';
import { ConfigResolver, PlaybackMode, type ResolvedConfig, type TrackerOptions } from '@vast/config';
import type { PlayableAd } from '@vast/player-core';
import { HeadlessPlayer } from '@vast/player-headless';
import { PlaybackScheduler, VastPlayer } from '@vast/player-realtime';
import { ConfigSnapshotCache } from '@vast/session';
import { RealtimeTimeProvider, type EnvironmentVariables, type TimeProvider } from '@vast/time';
import { HttpBeaconTransport, MacroExpander, type BeaconTransport, type HttpBeaconTransportOptions } from '@vast/tracker';
import type { CreateHeadlessPlayerOptions, CreatePlayerOptions, CreateRealPlayerOptions, PlayerConfigOptions } from './create-player-options.js';
import { FactoryError } from './factory-error.js';
import { selectPlayerMode, type PlayerModeSource, type PlayerSelection } from './player-selection.js';

/**
 * Options of the factory's own `HttpBeaconTransport`s. The tracker options of the config
 * (`timeoutMs`, `retries`, `retryBackoffMs`, `ssaiHeaders`, `headers`) come from each player's
 * resolved config; these are the rest.
 */
export type FactoryBeaconOptions = Omit<HttpBeaconTransportOptions, 'timeoutMs' | 'retries' | 'retryBackoffMs' | 'ssaiHeaders' | 'headers'>;

/** Options of {@link PlayerFactory}. */
export interface PlayerFactoryOptions {
  /**
   * Resolves the configs of `provider`, `publisher` and `overrides`; register publishers and
   * profiles on it.
   * @defaultValue a new `ConfigResolver` with the built-in profiles
   */
  readonly resolver?: ConfigResolver;
  /**
   * The clock of the real-time players and of their shared scheduler.
   * @defaultValue a `RealtimeTimeProvider` (the scheduler's clock when `scheduler` is given)
   */
  readonly time?: TimeProvider;
  /**
   * The scheduler every real-time player of the factory shares (one timer for all of them).
   * The caller owns one passed in: `close()` leaves it open.
   * @defaultValue one of the factory's own, on `time`
   */
  readonly scheduler?: PlaybackScheduler;
  /**
   * Where the beacons of every real-time player go. The caller owns it: `close()` leaves it open.
   * @defaultValue an `HttpBeaconTransport` of the factory's own per distinct tracker options
   */
  readonly transport?: BeaconTransport;
  /**
   * More options of the factory's own `HttpBeaconTransport`s: `userAgent`, `dispatcher` (e.g. the
   * SSRF-guarded one of `@vast/client`), `maxConcurrent`...
   * @defaultValue `{}`
   */
  readonly beaconOptions?: FactoryBeaconOptions;
  /** The environment variables auto mode reads. @defaultValue `process.env` at each decision */
  readonly env?: EnvironmentVariables;
  /** The operating system auto mode considers. @defaultValue `process.platform` */
  readonly platform?: string;
}

/** The players a factory makes. */
export type FactoryPlayer = VastPlayer | HeadlessPlayer;

/** The key of the tracker options an `HttpBeaconTransport` is made from. */
function transportKey(tracker: TrackerOptions): string {
  const headers = Object.entries(tracker.headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([tracker.timeoutMs, tracker.retries, tracker.retryBackoffMs, tracker.ssaiHeaders, headers]);
}

/** The key of the macro settings a `MacroExpander` is made from. */
function expanderKey(tracker: TrackerOptions): string {
  const statics = Object.entries(tracker.staticMacros).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([tracker.macroSyntaxes, statics]);
}

/** Most macro expanders kept; past it the oldest is forgotten (players that hold it keep it). */
const MAX_EXPANDERS = 64;

/**
 * Makes players and owns what they share: one `PlaybackScheduler` (a single timer) for every
 * real-time player, one `HttpBeaconTransport` per distinct tracker options of the configs (a
 * keep-alive pool and a concurrency cap for all), a `ConfigSnapshotCache` (sessions with equal
 * configs share one snapshot), a cache of `MacroExpander`s (tracking URLs
 * compiled once), and a `ConfigResolver`. Make one per process and `close()` it at shutdown.
 *
 * The mode of {@link PlayerFactory.create}: the `mode` option when given, else the resolved
 * config's `playback.mode`; `auto` asks `detectPlaybackEnvironment` of `@vast/time`. The session
 * records the decision in its config snapshot under `player.selection` (a {@link PlayerSelection}).
 *
 * Headless players never get the factory's HTTP transport: they record their beacons unless the
 * caller passes a sending transport and the config allows it (`playback.headlessMaySendBeacons`).
 *
 * @example
 * ```ts
 * const factory = new PlayerFactory();
 * const player = factory.create(resolution.ads[0], { provider: 'tiger', publisher: 'acme' });
 * const { session } = await player.play();
 * console.log(session.mode, session.config.player); // e.g. 'headless', { selection: { reason: 'ci', ... } }
 * await factory.close();
 * ```
 */
export class PlayerFactory {
  /** The resolver of the players' configs. */
  readonly resolver: ConfigResolver;
  /** The scheduler the real-time players share. */
  readonly scheduler: PlaybackScheduler;
  readonly #ownsScheduler: boolean;
  readonly #transport: BeaconTransport | undefined;
  readonly #beaconOptions: FactoryBeaconOptions;
  readonly #transports = new Map<string, HttpBeaconTransport>();
  readonly #expanders = new Map<string, MacroExpander>();
  // Sessions with equal configs (most sessions of one provider and publisher) share one snapshot.
  readonly #configCache = new ConfigSnapshotCache();
  readonly #env: EnvironmentVariables | undefined;
  readonly #platform: string | undefined;
  // Aborted by close(): the real-time players still playing end `stopped`.
  readonly #closing = new AbortController();

  /**
   * @param options - the resolver, the clock, shared resources and the environment of auto mode
   * @throws {@link FactoryError} (code `INVALID_FACTORY_OPTIONS`) when `time` is not the clock of
   *   the given `scheduler`
   */
  constructor(options: PlayerFactoryOptions = {}) {
    if (options.scheduler !== undefined && options.time !== undefined && options.time !== options.scheduler.time) {
      throw new FactoryError('INVALID_FACTORY_OPTIONS', 'options.time must be the clock of options.scheduler (or leave one of them out)');
    }
    this.resolver = options.resolver ?? new ConfigResolver();
    this.#ownsScheduler = options.scheduler === undefined;
    this.scheduler = options.scheduler ?? new PlaybackScheduler({ time: options.time ?? new RealtimeTimeProvider() });
    this.#transport = options.transport;
    this.#beaconOptions = options.beaconOptions ?? {};
    this.#env = options.env;
    this.#platform = options.platform;
    // Every real-time player listens to this signal while it plays.
    setMaxListeners(0, this.#closing.signal);
  }

  /** The clock of the real-time players (the scheduler's). */
  get time(): TimeProvider {
    return this.scheduler.time;
  }

  /** Whether {@link PlayerFactory.close} was called. */
  get closed(): boolean {
    return this.#closing.signal.aborted;
  }

  /**
   * The config a call's options stand for: `config` as given, or resolved by the factory's
   * resolver from `provider`, `publisher` and `overrides`.
   *
   * @param options - the config options
   * @returns the resolved config
   * @throws `ConfigError` of `@vast/config` (code `ERR_VAST_CONFIG`) for an unknown provider or
   *   invalid overrides
   */
  resolveConfig(options: PlayerConfigOptions = {}): ResolvedConfig {
    return options.config ?? this.resolver.resolve(options.provider ?? 'global', options.publisher, options.overrides);
  }

  /**
   * The mode {@link PlayerFactory.create} would choose for these options, and why.
   *
   * @param options - the mode, config and environment options of `create`
   * @returns the decision
   * @throws {@link FactoryError} as {@link selectPlayerMode} does; `ConfigError` as
   *   {@link PlayerFactory.resolveConfig} does
   */
  select(options: CreatePlayerOptions = {}): PlayerSelection {
    return this.#select(options, this.resolveConfig(options));
  }

  /**
   * Makes a player in the mode of the options or of the config: the `mode` option wins; else the
   * config's `playback.mode`; `auto` decides from the environment. The session records the
   * decision under `player.selection` of its config snapshot.
   *
   * @param ad - a `ResolvedAd` of `@vast/client` or a parsed `InlineAd`
   * @param options - config, mode, and the options of the players
   * @returns a `VastPlayer` (real) or a `HeadlessPlayer` (headless), not started
   * @throws {@link FactoryError} (`INVALID_FACTORY_OPTIONS`, `INVALID_PLAYBACK_ENVIRONMENT`,
   *   `FACTORY_CLOSED`); `ConfigError` of `@vast/config`; `PlayerError` of `@vast/player-core`
   *   (e.g. `BEACONS_NOT_ALLOWED`)
   * @example
   * ```ts
   * const player = factory.create(ad, { provider: 'google', mode: 'auto', env: process.env });
   * if (player instanceof HeadlessPlayer) console.log('dry run');
   * ```
   */
  create(ad: PlayableAd, options: CreatePlayerOptions = {}): FactoryPlayer {
    this.#checkOpen();
    const config = this.resolveConfig(options);
    const selection = this.#select(options, config);
    return selection.mode === PlaybackMode.REAL ? this.#real(ad, options, config, selection) : this.#headless(ad, options, config, selection);
  }

  /**
   * Makes a real-time player, whatever the config and the environment say. It shares the
   * factory's scheduler, clock, transport and expanders unless the options bring their own, and
   * `close()` stops it.
   *
   * @param ad - a `ResolvedAd` of `@vast/client` or a parsed `InlineAd`
   * @param options - config and `VastPlayer` options
   * @returns the player, not started
   * @throws {@link FactoryError} (`FACTORY_CLOSED`, or `INVALID_FACTORY_OPTIONS` for a `time`
   *   that is not the scheduler's clock); `ConfigError`; `PlayerError`
   */
  createReal(ad: PlayableAd, options: CreateRealPlayerOptions = {}): VastPlayer {
    this.#checkOpen();
    const config = this.resolveConfig(options);
    return this.#real(ad, options, config, selectPlayerMode({ requested: PlaybackMode.REAL, source: 'call' }));
  }

  /**
   * Makes a headless player, whatever the config and the environment say. Its beacons are
   * recorded unless `transport` sends and the config allows it.
   *
   * @param ad - a `ResolvedAd` of `@vast/client` or a parsed `InlineAd`
   * @param options - config and `HeadlessPlayer` options
   * @returns the player, not started
   * @throws {@link FactoryError} (`FACTORY_CLOSED`); `ConfigError`; `PlayerError` (code
   *   `BEACONS_NOT_ALLOWED` for a sending transport the config does not allow)
   */
  createHeadless(ad: PlayableAd, options: CreateHeadlessPlayerOptions = {}): HeadlessPlayer {
    this.#checkOpen();
    const config = this.resolveConfig(options);
    return this.#headless(ad, options, config, selectPlayerMode({ requested: PlaybackMode.HEADLESS, source: 'call' }));
  }

  /**
   * Releases what the players share: stops the real-time players still playing (their sessions
   * end `stopped`), waits for every beacon in flight and closes the factory's own transports,
   * then closes its own scheduler. A transport or scheduler passed in is left open. Later
   * `create*()` calls throw `FACTORY_CLOSED`; a second call does nothing more.
   *
   * @returns when everything is released
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.#closing.abort(new FactoryError('FACTORY_CLOSED', 'the player factory was closed'));
    const transports = [...this.#transports.values()];
    this.#transports.clear();
    this.#expanders.clear();
    await Promise.all(transports.map((transport) => transport.close()));
    if (this.#ownsScheduler) this.scheduler.close();
  }

  #checkOpen(): void {
    if (this.closed) throw new FactoryError('FACTORY_CLOSED', 'the player factory was closed: make a new one');
  }

  #select(options: CreatePlayerOptions, config: ResolvedConfig): PlayerSelection {
    const source: PlayerModeSource = options.mode === undefined ? 'config' : 'option';
    const env = options.env ?? this.#env;
    const platform = options.platform ?? this.#platform;
    return selectPlayerMode({
      requested: options.mode ?? config.playback.mode,
      source,
      ...(env === undefined ? {} : { env }),
      ...(platform === undefined ? {} : { platform }),
    });
  }

  #real(ad: PlayableAd, options: CreateRealPlayerOptions, config: ResolvedConfig, selection: PlayerSelection): VastPlayer {
    const scheduler = options.scheduler ?? this.scheduler;
    const time = options.time ?? scheduler.time;
    if (time !== scheduler.time) {
      throw new FactoryError('INVALID_FACTORY_OPTIONS', "a real-time player's time must be its scheduler's clock: pass a scheduler on that clock too");
    }
    const signal = options.signal === undefined ? this.#closing.signal : AbortSignal.any([options.signal, this.#closing.signal]);
    return new VastPlayer({
      ...playerOptions(options),
      ad,
      config,
      time,
      scheduler,
      signal,
      transport: options.transport ?? this.#transport ?? this.#httpTransport(config.tracker),
      expander: options.expander ?? this.#expander(config.tracker, time),
      configCache: options.configCache ?? this.#configCache,
      record: { ...options.record, selection: { ...selection } },
    });
  }

  #headless(ad: PlayableAd, options: CreateHeadlessPlayerOptions, config: ResolvedConfig, selection: PlayerSelection): HeadlessPlayer {
    // No shared expander: a headless session's [TIMESTAMP] and [CACHEBUSTING] come from its own
    // simulated clock and seeded source.
    return new HeadlessPlayer({
      ...playerOptions(options),
      ad,
      config,
      configCache: options.configCache ?? this.#configCache,
      record: { ...options.record, selection: { ...selection } },
    });
  }

  #httpTransport(tracker: TrackerOptions): HttpBeaconTransport {
    const key = transportKey(tracker);
    let transport = this.#transports.get(key);
    if (transport === undefined) {
      transport = new HttpBeaconTransport({
        ...this.#beaconOptions,
        timeoutMs: tracker.timeoutMs,
        retries: tracker.retries,
        retryBackoffMs: tracker.retryBackoffMs,
        ssaiHeaders: tracker.ssaiHeaders,
        headers: tracker.headers,
      });
      this.#transports.set(key, transport);
    }
    return transport;
  }

  #expander(tracker: TrackerOptions, time: TimeProvider): MacroExpander {
    // Keyed on the factory's clock only: a player on another clock gets its own expander.
    if (time !== this.scheduler.time) return new MacroExpander({ time, macroSyntaxes: tracker.macroSyntaxes, staticMacros: tracker.staticMacros });
    const key = expanderKey(tracker);
    let expander = this.#expanders.get(key);
    if (expander === undefined) {
      expander = new MacroExpander({ time, macroSyntaxes: tracker.macroSyntaxes, staticMacros: tracker.staticMacros });
      if (this.#expanders.size >= MAX_EXPANDERS) this.#expanders.delete(this.#expanders.keys().next().value as string);
      this.#expanders.set(key, expander);
    }
    return expander;
  }
}

/** The options a player takes, without the factory's own (config sources, mode, environment). */
function playerOptions<T extends CreatePlayerOptions | CreateRealPlayerOptions | CreateHeadlessPlayerOptions>(
  options: T,
): Omit<T, 'config' | 'publisher' | 'overrides' | 'mode' | 'env' | 'platform'> {
  const { config: _config, publisher: _publisher, overrides: _overrides, mode: _mode, env: _env, platform: _platform, ...rest } = options as CreatePlayerOptions;
  return rest as Omit<T, 'config' | 'publisher' | 'overrides' | 'mode' | 'env' | 'platform'>;
}
