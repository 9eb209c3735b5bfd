import type { ConfigOverrides, PlaybackMode, ResolvedConfig } from '@vast/config';
import type { HeadlessPlayerOptions } from '@vast/player-headless';
import type { VastPlayerOptions } from '@vast/player-realtime';
import type { EnvironmentVariables } from '@vast/time';
import type { BeaconTransport } from '@vast/tracker';

/**
 * Where a player's config comes from: a resolved config as is, or resolved by the factory's
 * `ConfigResolver` from a provider, a publisher and request overrides.
 */
export interface PlayerConfigOptions {
  /**
   * The resolved config. When given, `publisher` and `overrides` are not used (`provider` is
   * still recorded in the session).
   * @defaultValue resolved from `provider`, `publisher` and `overrides`
   */
  readonly config?: ResolvedConfig;
  /**
   * The provider profile (`global`, `tiger`, `leto`, `yandex`, `google`, `custom` or one you
   * registered); also recorded in the session.
   * @defaultValue `'global'`
   */
  readonly provider?: string;
  /** The publisher whose registered overrides apply (level 3). @defaultValue none */
  readonly publisher?: string;
  /** Overrides of this request (level 4). @defaultValue none */
  readonly overrides?: ConfigOverrides;
}

/** Options of {@link PlayerFactory.createReal} and `createRealPlayer`. */
export interface CreateRealPlayerOptions extends PlayerConfigOptions, Omit<VastPlayerOptions, 'ad' | 'config' | 'transport'> {
  /**
   * Where the beacons go.
   * @defaultValue the factory's `HttpBeaconTransport` for the config's tracker options (or the
   *   factory's `transport`)
   */
  readonly transport?: BeaconTransport;
}

/**
 * Options of {@link PlayerFactory.createHeadless} and `createHeadlessPlayer`. Beacons are
 * recorded unless `transport` is a sending one and the config's
 * `playback.headlessMaySendBeacons` is on: the factory never gives a headless player its own
 * HTTP transport.
 */
export interface CreateHeadlessPlayerOptions extends PlayerConfigOptions, Omit<HeadlessPlayerOptions, 'ad' | 'config'> {}

/**
 * Options of {@link PlayerFactory.create} and `createPlayer`: the options of both players (those
 * of the mode not chosen are not used), the mode, and the environment auto mode reads.
 */
export interface CreatePlayerOptions extends CreateRealPlayerOptions, CreateHeadlessPlayerOptions {
  /**
   * The mode; when given it wins over the config's `playback.mode` and the environment.
   * `'auto'` asks the environment (see `detectPlaybackEnvironment` of `@vast/time`).
   * @defaultValue the resolved config's `playback.mode`
   */
  readonly mode?: PlaybackMode;
  /** The environment variables auto mode reads. @defaultValue the factory's `env` */
  readonly env?: EnvironmentVariables;
  /** The operating system auto mode considers. @defaultValue the factory's `platform` */
  readonly platform?: string;
}
