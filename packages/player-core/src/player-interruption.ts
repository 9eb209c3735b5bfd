/**
 * An interruption a player went through: drawn by the headless player's interruption model, or
 * reported to any player with `interrupt()`. Pause-like interruptions that end in `resumed` do not
 * end the session (its log shows a pause and a resume); the others end it `interrupted`
 * (`stopped`) or `failed` (with the IAB code).
 */
export interface PlayerInterruption {
  /** The interruption type, e.g. `viewerPause` or `channelChange` (see `InterruptionType` of `@vast/config`). */
  readonly type: string;
  /** The media position it happened at (ms). */
  readonly mediaTime: number;
  /** The clock time it happened at (epoch ms). */
  readonly clockTime: number;
  /** How it ended the playback. */
  readonly outcome: 'resumed' | 'stopped' | 'failed';
  /** For `resumed`: how long playback stayed paused (ms). */
  readonly resumeAfterMs?: number;
  /** For `failed`: the IAB error code sent to the Error pixels. */
  readonly errorCode?: number;
}
