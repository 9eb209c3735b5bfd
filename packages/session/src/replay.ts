import type { TimeProvider } from '@vast/time';
import type { PlaybackEvent, PlaybackEventOf, PlaybackEventType } from './playback-event.js';
import { PlaybackStatus } from './playback-status.js';
import { nextStatus } from './playback-transitions.js';

/** What a replay handler learns besides the event. */
export interface ReplayContext {
  /** The position of the event in the log. */
  readonly index: number;
  /** The status before the event. */
  readonly statusBefore: PlaybackStatus;
  /** The status after the event. */
  readonly statusAfter: PlaybackStatus;
}

/** A handler for events of one type; may be async (replay waits for it). */
export type ReplayHandler<E extends PlaybackEvent> = (event: E, context: ReplayContext) => void | Promise<void>;

/**
 * What {@link replay} calls: an optional handler per event type, then `onEvent` for every event.
 */
export type ReplayVisitor = { readonly [K in PlaybackEventType]?: ReplayHandler<PlaybackEventOf<K>> } & {
  /** Called for every event, after the handler of its type. */
  readonly onEvent?: ReplayHandler<PlaybackEvent>;
};

/** Options of {@link replay}. */
export interface ReplayOptions {
  /**
   * Stops the replay between events (and during paced waits); it rejects with the signal's reason.
   * @defaultValue none
   */
  readonly signal?: AbortSignal;
  /**
   * Paces the replay: before each event, waits on this clock the gap between the recorded clock
   * times (a realtime clock re-sends a session at its original pace).
   * @defaultValue none: events follow each other at once
   */
  readonly time?: TimeProvider;
}

/** What a finished replay found. */
export interface ReplayResult {
  /** How many events were replayed. */
  readonly events: number;
  /** The status the log leads to. */
  readonly status: PlaybackStatus;
}

/**
 * Re-drives a recorded event log in order through the session state machine and a visitor: how a
 * recorded session is re-sent (the visitor fires beacons) or audited (the state machine rejects
 * a log no session could have produced).
 *
 * @param log - the events, oldest first (e.g. `session.events`)
 * @param visitor - handlers per event type and/or `onEvent`
 * @param options - an abort signal, and a clock to pace the replay
 * @returns how many events were replayed and the final status
 * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) at the first event the
 *   state machine refuses (handlers of earlier events have run)
 * @throws the signal's reason when `options.signal` aborts
 *
 * @example
 * ```ts
 * const sent: string[] = [];
 * await replay(session.events, {
 *   impression: (event) => void sent.push(`impression@${event.clockTime}`),
 *   error: (event) => void sent.push(`error ${event.code}`),
 * });
 * ```
 */
export async function replay(
  log: readonly PlaybackEvent[],
  visitor: ReplayVisitor,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const { signal, time } = options;
  let status: PlaybackStatus = PlaybackStatus.Created;
  let previous: PlaybackEvent | undefined;
  for (let index = 0; index < log.length; index++) {
    const event = log[index] as PlaybackEvent;
    signal?.throwIfAborted();
    if (time !== undefined && previous !== undefined) {
      await time.sleep(Math.max(0, event.clockTime - previous.clockTime), signal);
    }
    const statusBefore = status;
    status = nextStatus(status, event.type);
    const context: ReplayContext = { index, statusBefore, statusAfter: status };
    const handler = visitor[event.type] as ReplayHandler<PlaybackEvent> | undefined;
    if (handler !== undefined) await handler(event, context);
    if (visitor.onEvent !== undefined) await visitor.onEvent(event, context);
    previous = event;
  }
  return { events: log.length, status };
}
