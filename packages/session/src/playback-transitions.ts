import { IllegalTransitionError } from './illegal-transition-error.js';
import type { PlaybackEventType } from './playback-event.js';
import { PlaybackStatus } from './playback-status.js';

/** A command of a session: `load`, or logging an event of a type. */
export type PlaybackCommand = 'load' | PlaybackEventType;

/** Where a command is allowed, and the status it leads to (`null`: the status does not change). */
export interface PlaybackCommandRule {
  /** The statuses the command is allowed in. */
  readonly from: readonly PlaybackStatus[];
  /** The status after the command, or `null` when it stays. */
  readonly to: PlaybackStatus | null;
}

const { Created, Loading, Playing, Paused, Interrupted, Completed, Stopped, Failed } = PlaybackStatus;
const live = [Created, Loading, Playing, Paused] as const;
const rule = (from: readonly PlaybackStatus[], to: PlaybackStatus | null): PlaybackCommandRule =>
  Object.freeze({ from: Object.freeze([...from]), to });

/**
 * The state machine, one rule per command. Terminal statuses (completed, stopped, interrupted,
 * failed) appear in no `from` list: they accept nothing.
 */
export const PLAYBACK_COMMAND_RULES: Readonly<Record<PlaybackCommand, PlaybackCommandRule>> = Object.freeze({
  load: rule([Created], Loading),
  impression: rule(live, null),
  creativeView: rule(live, null),
  mute: rule(live, null),
  unmute: rule(live, null),
  start: rule([Created, Loading], Playing),
  firstQuartile: rule([Playing], null),
  midpoint: rule([Playing], null),
  thirdQuartile: rule([Playing], null),
  progress: rule([Playing], null),
  pause: rule([Playing], Paused),
  resume: rule([Paused], Playing),
  complete: rule([Playing], Completed),
  skip: rule([Playing, Paused], Stopped),
  close: rule(live, Stopped),
  stop: rule(live, Stopped),
  interruption: rule(live, Interrupted),
  error: rule(live, Failed),
});

/**
 * The transition table: for each status, the statuses it may move to (derived from
 * {@link PLAYBACK_COMMAND_RULES}). Terminal statuses map to an empty list.
 */
export const PLAYBACK_TRANSITIONS: Readonly<Record<PlaybackStatus, readonly PlaybackStatus[]>> = (() => {
  const table: Record<PlaybackStatus, PlaybackStatus[]> = {
    created: [],
    loading: [],
    playing: [],
    paused: [],
    interrupted: [],
    completed: [],
    stopped: [],
    failed: [],
  };
  for (const { from, to } of Object.values(PLAYBACK_COMMAND_RULES)) {
    if (to === null) continue;
    for (const status of from) if (!table[status].includes(to)) table[status].push(to);
  }
  for (const status of Object.keys(table) as PlaybackStatus[]) Object.freeze(table[status]);
  return Object.freeze(table);
})();

/**
 * Whether a session may move from one status to another.
 *
 * @param from - the current status
 * @param to - the next status
 * @returns `true` when {@link PLAYBACK_TRANSITIONS} allows it
 */
export function canTransition(from: PlaybackStatus, to: PlaybackStatus): boolean {
  return PLAYBACK_TRANSITIONS[from].includes(to);
}

/**
 * The status after a command, or an error when the command is not allowed.
 *
 * @param status - the current status
 * @param command - `load` or an event type
 * @returns the next status (the same status for events that do not move it)
 * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) naming both statuses
 *
 * @example
 * ```ts
 * nextStatus('playing', 'pause'); // 'paused'
 * nextStatus('completed', 'pause'); // throws IllegalTransitionError
 * ```
 */
export function nextStatus(status: PlaybackStatus, command: PlaybackCommand): PlaybackStatus {
  const { from, to } = PLAYBACK_COMMAND_RULES[command];
  if (!from.includes(status)) throw new IllegalTransitionError(status, to ?? status, command, from);
  return to ?? status;
}

// For decoding logs fast: the status after each command, by status, without throwing.
const FOLLOWING: ReadonlyMap<PlaybackStatus, ReadonlyMap<PlaybackCommand, PlaybackStatus>> = new Map(
  (Object.keys(PLAYBACK_TRANSITIONS) as PlaybackStatus[]).map((status) => [
    status,
    new Map(
      (Object.entries(PLAYBACK_COMMAND_RULES) as [PlaybackCommand, PlaybackCommandRule][])
        .filter(([, { from }]) => from.includes(status))
        .map(([command, { to }]) => [command, to ?? status]),
    ),
  ]),
);

/**
 * The status after `command`, or `undefined` when the command is not allowed in `status` (where
 * {@link nextStatus} would throw).
 *
 * @param status - the current status
 * @param command - `load` or an event type
 * @returns the next status, or `undefined`
 * @internal
 */
export function followingStatus(status: PlaybackStatus, command: PlaybackCommand): PlaybackStatus | undefined {
  return FOLLOWING.get(status)?.get(command);
}
