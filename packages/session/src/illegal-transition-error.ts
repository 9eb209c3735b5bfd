import { isTerminalStatus, type PlaybackStatus } from './playback-status.js';
import { SessionError } from './session-error.js';

/**
 * A command or event is not allowed in the session's current status (code `ILLEGAL_TRANSITION`).
 * The session is left exactly as it was.
 */
export class IllegalTransitionError extends SessionError {
  /** The status the session is in. */
  readonly from: PlaybackStatus;
  /** The status the command would have led to (the same status for events that do not move it). */
  readonly to: PlaybackStatus;
  /** The command or event type that was refused. */
  readonly command: string;

  /**
   * @param from - the current status
   * @param to - the status the command would lead to
   * @param command - the command or event type
   * @param allowedFrom - the statuses the command is allowed in
   */
  constructor(from: PlaybackStatus, to: PlaybackStatus, command: string, allowedFrom: readonly PlaybackStatus[]) {
    super(
      'ILLEGAL_TRANSITION',
      `Illegal transition from "${from}" to "${to}" (${command}): ` +
        (allowedFrom.length === 0 ? 'never allowed' : `"${command}" is allowed only from ${allowedFrom.join(', ')}`) +
        (isTerminalStatus(from) ? `; "${from}" is terminal` : ''),
    );
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.to = to;
    this.command = command;
  }
}
