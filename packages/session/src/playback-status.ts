/**
 * The states of a {@link PlaybackSession}, as an object users can also pass as strings:
 * `created` (nothing happened yet), `loading` (media being fetched), `playing`, `paused`, and the
 * terminal states `completed`, `stopped` (skip, close or stop), `interrupted` (the viewer went
 * away: channel switch, app closed, network lost) and `failed` (an error with an IAB code).
 */
export const PlaybackStatus = {
  Created: 'created',
  Loading: 'loading',
  Playing: 'playing',
  Paused: 'paused',
  Interrupted: 'interrupted',
  Completed: 'completed',
  Stopped: 'stopped',
  Failed: 'failed',
} as const;

/** One of the {@link PlaybackStatus} values. */
export type PlaybackStatus = (typeof PlaybackStatus)[keyof typeof PlaybackStatus];

/** Every status, in the order of {@link PlaybackStatus}. */
export const PLAYBACK_STATUSES: readonly PlaybackStatus[] = Object.freeze(Object.values(PlaybackStatus));

/** The statuses a session never leaves. */
export const TERMINAL_STATUSES: readonly PlaybackStatus[] = Object.freeze([
  PlaybackStatus.Completed,
  PlaybackStatus.Stopped,
  PlaybackStatus.Interrupted,
  PlaybackStatus.Failed,
]);

/**
 * Whether a status is terminal (the session accepts nothing further).
 *
 * @param status - the status to test
 * @returns `true` for completed, stopped, interrupted and failed
 */
export function isTerminalStatus(status: PlaybackStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/**
 * Whether a value is one of the {@link PlaybackStatus} strings.
 *
 * @param value - anything
 * @returns `true` when `value` is a playback status
 */
export function isPlaybackStatus(value: unknown): value is PlaybackStatus {
  return typeof value === 'string' && (PLAYBACK_STATUSES as readonly string[]).includes(value);
}
