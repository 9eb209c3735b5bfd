// Writes session JSON (format version 3) as text directly, byte for byte what JSON.stringify
// writes for the same PlaybackSessionJson: keys in the same order, numbers as String(n) (which is
// how JSON writes a finite number), strings through JSON.stringify (for the escapes).
import type { PlaybackEvent, ProgressOffset } from './playback-event.js';
import { encodeClock } from './session-json.js';
import type { SessionMode } from './session-mode.js';

/** An offset's unit and value as JSON text, without brackets (see `offsetToJson`). */
const offsetText = (offset: ProgressOffset): string =>
  offset.type === 'time' ? `"s",${offset.seconds}` : `"percent",${offset.percent}`;

/** The JSON text of a string, or of `null`. */
const str = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value));

/**
 * One event as the text of its format version 3 tuple (see `PlaybackEventJson`).
 *
 * @param event - the logged event
 * @param createdAt - the session's creation time
 * @returns the JSON text of the tuple
 * @internal
 */
export function eventJsonText(event: PlaybackEvent, createdAt: number): string {
  const clock = encodeClock(event.clockTime, createdAt);
  const at = typeof clock === 'number' ? `${clock}` : `[${clock[0]}]`;
  switch (event.type) {
    case 'progress':
      return `["progress",${event.mediaTime},${at},${offsetText(event.offset)}]`;
    case 'interruption':
      return `["interruption",${event.mediaTime},${at},${str(event.interruptionType)},${str(event.reason)}]`;
    case 'error':
      return `["error",${event.mediaTime},${at},${event.code},${str(event.message)}]`;
    default:
      // The other event types are plain identifiers: nothing to escape.
      return `["${event.type}",${event.mediaTime},${at}]`;
  }
}

/**
 * The progress offsets as the text of their format version 3 array.
 *
 * @param offsets - the offsets
 * @returns the JSON text
 * @internal
 */
export function offsetsJsonText(offsets: readonly ProgressOffset[]): string {
  let text = '';
  for (const offset of offsets) text += `${text === '' ? '' : ','}[${offsetText(offset)}]`;
  return `[${text}]`;
}

/** The fields of a session before its config, for {@link sessionHeadJsonText}. @internal */
export interface SessionHead {
  readonly version: number;
  readonly id: string;
  readonly adId: string;
  readonly creativeId: string | null;
  readonly provider: string;
  readonly mode: SessionMode;
}

/**
 * The start of the session's JSON text, up to and with the `"config":` key (what never changes
 * and comes before the config, whose text the session may share with others).
 *
 * @param head - the fields before the config
 * @returns the text, to be followed by the config's text
 * @internal
 */
export function sessionHeadJsonText(head: SessionHead): string {
  return (
    `{"version":${head.version},"id":${str(head.id)},"adId":${str(head.adId)},"creativeId":${str(head.creativeId)}` +
    `,"provider":${str(head.provider)},"mode":"${head.mode}","config":`
  );
}
