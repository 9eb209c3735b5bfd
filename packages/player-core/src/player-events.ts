import type { PlaybackEvent } from '@vast/session';
import type { BeaconOutcome } from '@vast/tracker';
import type { PlaybackResult } from './playback-result.js';
import type { PlayerInterruption } from './player-interruption.js';

/**
 * What a player tells its subscribers; switch on `type`:
 * - `playback`: the session logged an event (impression, start, quartiles, pause, the end...);
 * - `beacon`: a beacon's outcome became known;
 * - `timeupdate`: the playhead moved by the config's `tickIntervalMs` (only computed while someone
 *   listens);
 * - `interruption`: an interruption happened;
 * - `ended`: the ad ended; the last event, after every beacon has its outcome.
 */
export type PlayerEvent =
  | { readonly type: 'playback'; readonly event: PlaybackEvent }
  | { readonly type: 'beacon'; readonly outcome: BeaconOutcome }
  | { readonly type: 'timeupdate'; readonly position: number }
  | { readonly type: 'interruption'; readonly interruption: PlayerInterruption }
  | { readonly type: 'ended'; readonly result: PlaybackResult };

/** The type of a {@link PlayerEvent}. */
export type PlayerEventType = PlayerEvent['type'];

/** The event of one type. */
export type PlayerEventOf<T extends PlayerEventType> = Extract<PlayerEvent, { readonly type: T }>;

/** Receives the events of one type. */
export type PlayerListener<T extends PlayerEventType> = (event: PlayerEventOf<T>) => void;

// A function, not an inline test: TypeScript would keep a narrowing of `aborted` across awaits.
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/**
 * The subscribers of one player: typed listeners and async iterators.
 * @internal
 */
export class PlayerEvents {
  // Made on the first subscription: most players in a busy process have no subscriber at all.
  #listeners: Map<PlayerEventType, Set<(event: PlayerEvent) => void>> | undefined;
  #ended = false;

  /**
   * Subscribes to one type of event.
   *
   * @param type - the event type
   * @param listener - called for each event; an exception it throws is ignored, so one
   *   subscriber cannot break playback or the others
   * @returns a function that unsubscribes
   */
  on<T extends PlayerEventType>(type: T, listener: PlayerListener<T>): () => void {
    const listeners = (this.#listeners ??= new Map<PlayerEventType, Set<(event: PlayerEvent) => void>>());
    let set = listeners.get(type);
    if (set === undefined) listeners.set(type, (set = new Set<(event: PlayerEvent) => void>()));
    const entry = listener as (event: PlayerEvent) => void;
    set.add(entry);
    return () => set.delete(entry);
  }

  /**
   * Whether anyone listens to a type (so the player can skip building events nobody reads).
   *
   * @param type - the event type
   * @returns `true` when at least one listener is subscribed
   */
  wants(type: PlayerEventType): boolean {
    return (this.#listeners?.get(type)?.size ?? 0) > 0;
  }

  /**
   * Delivers an event to the listeners of its type.
   *
   * @param event - the event
   */
  emit(event: PlayerEvent): void {
    if (event.type === 'ended') this.#ended = true;
    const set = this.#listeners?.get(event.type);
    if (set === undefined) return;
    for (const listener of set) {
      try {
        listener(event);
      } catch {
        // A subscriber's failure must not break playback nor hide the event from the others.
      }
    }
  }

  /**
   * Iterates over the events from the call on (the subscription starts at once, not at the first
   * `next()`) until `ended` (included), buffering those that arrive while the consumer is busy.
   * `timeupdate` is left out (subscribe to it with `on`): asking for it makes the player report
   * the playhead every tick.
   *
   * @param signal - stops the iteration early
   * @returns an async iterator
   */
  iterate(signal?: AbortSignal): AsyncGenerator<PlayerEvent, void, undefined> {
    const queue: PlayerEvent[] = [];
    let wake: (() => void) | undefined;
    const push = (event: PlayerEvent): void => {
      queue.push(event);
      wake?.();
    };
    const done = this.#ended || isAborted(signal);
    const types: PlayerEventType[] = ['playback', 'beacon', 'interruption', 'ended'];
    const unsubscribe = done ? [] : types.map((type) => this.on(type, push));
    const onAbort = (): void => wake?.();
    signal?.addEventListener('abort', onAbort);
    const release = (): void => {
      for (const off of unsubscribe) off();
      signal?.removeEventListener('abort', onAbort);
    };
    async function* drain(): AsyncGenerator<PlayerEvent, void, undefined> {
      try {
        if (done) return;
        for (;;) {
          while (queue.length > 0) {
            const event = queue.shift() as PlayerEvent;
            yield event;
            if (event.type === 'ended' || isAborted(signal)) return;
          }
          if (isAborted(signal)) return;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
      } finally {
        release();
      }
    }
    return drain();
  }
}
