import type { PlayableAd } from '@vast/player-core';
import type { HeadlessPlayer } from '@vast/player-headless';
import type { VastPlayer } from '@vast/player-realtime';
import type { CreateHeadlessPlayerOptions, CreatePlayerOptions, CreateRealPlayerOptions } from './create-player-options.js';
import { PlayerFactory, type FactoryPlayer, type PlayerFactoryOptions } from './player-factory.js';

/** What the convenience functions take besides the player options: the factory's settings. */
export type ConveniencePlayerOptions = Pick<PlayerFactoryOptions, 'resolver' | 'beaconOptions'>;

/** Makes a one-player factory whose resources are released when the player's play ends. */
function once<P extends FactoryPlayer>(factory: PlayerFactory, make: (factory: PlayerFactory) => P): P {
  let player: P;
  try {
    player = make(factory);
  } catch (error) {
    void factory.close();
    throw error;
  }
  // `ended` comes once every beacon has an outcome: the transport can close then.
  player.on('ended', () => void factory.close());
  return player;
}

function factoryFor(options: ConveniencePlayerOptions): PlayerFactory {
  return new PlayerFactory({
    ...(options.resolver === undefined ? {} : { resolver: options.resolver }),
    ...(options.beaconOptions === undefined ? {} : { beaconOptions: options.beaconOptions }),
  });
}

/**
 * Makes one player the way {@link PlayerFactory.create} does, with a factory of its own that is
 * released when the play ends. To make many players, share a {@link PlayerFactory} instead (one
 * scheduler, transport and resolver for all).
 *
 * @param ad - a `ResolvedAd` of `@vast/client` or a parsed `InlineAd`
 * @param options - as {@link PlayerFactory.create}, plus a `resolver` and `beaconOptions`
 * @returns a `VastPlayer` or a `HeadlessPlayer`, not started
 * @throws as {@link PlayerFactory.create}
 * @example
 * ```ts
 * const player = createPlayer(resolution.ads[0], { provider: 'tiger' });
 * const { session } = await player.play();
 * ```
 */
export function createPlayer(ad: PlayableAd, options: CreatePlayerOptions & ConveniencePlayerOptions = {}): FactoryPlayer {
  return once(factoryFor(options), (factory) => factory.create(ad, options));
}

/**
 * Makes one real-time player with a scheduler and (unless `transport` is given) an
 * `HttpBeaconTransport` of its own, closed when the play ends.
 *
 * @param ad - a `ResolvedAd` of `@vast/client` or a parsed `InlineAd`
 * @param options - as {@link PlayerFactory.createReal}, plus a `resolver` and `beaconOptions`
 * @returns the player, not started
 * @throws as {@link PlayerFactory.createReal}
 * @example
 * ```ts
 * const player = createRealPlayer(resolution.ads[0], { provider: 'google', progress: 'reported' });
 * ```
 */
export function createRealPlayer(ad: PlayableAd, options: CreateRealPlayerOptions & ConveniencePlayerOptions = {}): VastPlayer {
  return once(factoryFor(options), (factory) => factory.createReal(ad, options));
}

/**
 * Makes one headless player (beacons recorded unless a sending `transport` is given and the
 * config allows it).
 *
 * @param ad - a `ResolvedAd` of `@vast/client` or a parsed `InlineAd`
 * @param options - as {@link PlayerFactory.createHeadless}, plus a `resolver`
 * @returns the player, not started
 * @throws as {@link PlayerFactory.createHeadless}
 * @example
 * ```ts
 * const { session } = await createHeadlessPlayer(ad, { provider: 'leto', seed: 7 }).play();
 * ```
 */
export function createHeadlessPlayer(ad: PlayableAd, options: CreateHeadlessPlayerOptions & ConveniencePlayerOptions = {}): HeadlessPlayer {
  return once(factoryFor(options), (factory) => factory.createHeadless(ad, options));
}
