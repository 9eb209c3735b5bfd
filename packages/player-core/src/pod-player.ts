import type { BaseVastPlayer } from './base-vast-player.js';
import { PlayerError } from './player-error.js';
import type { PlayableAd, PreparedAd, ResolvedAdLike } from './playable-ad.js';
import type { PlaybackResult } from './playback-result.js';

/** Where an ad stands in its pod, for {@link PodPlayerOptions.createPlayer}. */
export interface PodSlot {
  /** The slot's position in play order, from 0. */
  readonly index: number;
  /** The slot's `sequence`, when the ad has one. */
  readonly sequence: number | undefined;
  /** When a buffet ad fills the slot of a failed ad, that ad's sequence. */
  readonly replacesSequence: number | undefined;
  /** How many slots the pod has. */
  readonly podSize: number;
}

/** Options of {@link PodPlayer}. */
export interface PodPlayerOptions {
  /** The pod's ads (`VastResolution.ads` of `@vast/client`); played in `sequence` order. */
  readonly ads: readonly PlayableAd[];
  /**
   * Stand-alone ads that may fill the slot of an ad that fails while playing
   * (`VastResolution.buffet`), taken in order, each at most once.
   * @defaultValue none: a failed ad's slot stays empty and the pod moves on
   */
  readonly buffet?: readonly PlayableAd[];
  /** Makes the player of one slot (a `VastPlayer`, a `HeadlessPlayer`, or your own). */
  readonly createPlayer: (ad: PlayableAd, slot: PodSlot) => BaseVastPlayer;
  /** Stops the pod: the ad playing stops (if its player took the same signal) and no other starts. */
  readonly signal?: AbortSignal;
}

/** What one slot of a pod played. */
export interface PodSlotResult {
  /** The slot. */
  readonly slot: PodSlot;
  /** What its player returned. */
  readonly result: PlaybackResult;
}

/** What a pod played, slot by slot (a failed ad and the buffet ad that replaced it are both listed). */
export interface PodResult {
  /** Each ad played, in play order. */
  readonly slots: readonly PodSlotResult[];
  /** How many slots completed. */
  readonly completed: number;
}

// A function, not an inline test: TypeScript would keep a narrowing of `aborted` across awaits.
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function sequenceOf(ad: PlayableAd): number | undefined {
  return ad.sequence;
}

function replacedSequenceOf(ad: PlayableAd): number | undefined {
  return (ad as ResolvedAdLike | PreparedAd).replacesSequence;
}

/**
 * Plays the ads of a pod one after the other in `sequence` order (ads without one keep their
 * order, after the others). Each ad is played by its own player, so each fires its own chain's
 * tracking (every wrapper it came through) and `[PODSEQUENCE]` is its sequence. When an ad fails
 * while playing (no playable media, expired...), the next unused buffet ad fills its slot (its
 * result says which sequence it replaces); without one the pod moves on.
 *
 * @example
 * ```ts
 * const resolution = await client.get(adTagUrl);
 * const pod = new PodPlayer({
 *   ads: resolution.ads,
 *   buffet: resolution.buffet,
 *   createPlayer: (ad) => new HeadlessPlayer({ ad, config }),
 * });
 * const { slots } = await pod.play();
 * ```
 */
export class PodPlayer {
  readonly #options: PodPlayerOptions;
  #played = false;

  /**
   * @param options - the ads, the buffet and how to make a player
   */
  constructor(options: PodPlayerOptions) {
    this.#options = options;
  }

  /**
   * Plays the pod.
   *
   * @returns every slot's result, in play order
   * @throws {@link PlayerError} (code `ILLEGAL_PLAYER_STATE`) when called a second time
   */
  async play(): Promise<PodResult> {
    if (this.#played) throw new PlayerError('ILLEGAL_PLAYER_STATE', 'PodPlayer.play() was already called: a pod plays once');
    this.#played = true;
    const { signal } = this.#options;
    const ordered = this.#options.ads
      .map((ad, order) => ({ ad, order, sequence: sequenceOf(ad) }))
      .sort((a, b) => (a.sequence ?? Number.POSITIVE_INFINITY) - (b.sequence ?? Number.POSITIVE_INFINITY) || a.order - b.order);
    const buffet = [...(this.#options.buffet ?? [])];
    const slots: PodSlotResult[] = [];
    for (const [index, { ad, sequence }] of ordered.entries()) {
      if (isAborted(signal)) break;
      let slot: PodSlot = { index, sequence, replacesSequence: replacedSequenceOf(ad), podSize: ordered.length };
      let result = await this.#options.createPlayer(ad, slot).play();
      slots.push({ slot, result });
      while (result.status === 'failed' && buffet.length > 0 && !isAborted(signal)) {
        const substitute = buffet.shift() as PlayableAd;
        slot = { ...slot, replacesSequence: sequence };
        result = await this.#options.createPlayer(substitute, slot).play();
        slots.push({ slot, result });
      }
    }
    return { slots, completed: slots.filter((s) => s.result.status === 'completed').length };
  }
}
