import { z } from 'zod';
import { isVastErrorCode } from '@vast/error-codes';
import { NOT_JSON, tryCloneJson, type JsonValue } from './json-value.js';
import {
  fastArray,
  isMedia,
  isNumber,
  isObject,
  keyCount,
  nullableMedia,
  nullableNumber,
  plusZero,
} from './json-checks.js';
import {
  PLAYBACK_EVENT_TYPES,
  type BasicPlaybackEventType,
  type PlaybackEvent,
  type PlaybackEventType,
  type ProgressOffset,
  type ProgressPlaybackEvent,
} from './playback-event.js';
import { PLAYBACK_STATUSES, type PlaybackStatus } from './playback-status.js';
import type { SessionMode } from './session-mode.js';
import { offsetFromJson } from './offset-json.js';

/** A progress offset as format version 1 writes it: milliseconds, or a percentage. */
export type ProgressOffsetJsonV1 =
  | { readonly unit: 'ms'; readonly value: number }
  | { readonly unit: 'percent'; readonly value: number };

/** An event as format version 1 writes it: a {@link PlaybackEvent}, with a version 1 offset. */
export type PlaybackEventJsonV1 =
  | Exclude<PlaybackEvent, ProgressPlaybackEvent>
  | (Omit<ProgressPlaybackEvent, 'offset'> & { readonly offset: ProgressOffsetJsonV1 });

/**
 * A version 1 document, checked, with its offsets in today's form.
 * @internal
 */
export type DecodedSessionV1 = Omit<PlaybackSessionJsonV1, 'progressOffsets' | 'events'> & {
  readonly progressOffsets: readonly ProgressOffset[];
  readonly events: readonly PlaybackEvent[];
};

/**
 * The JSON form of a session in format version 1 (written by earlier releases): every event an
 * object, clock times in epoch ms, the status and the furthest position written out.
 * {@link PlaybackSession.fromJSON} still reads it (milliseconds offsets become seconds);
 * {@link PlaybackSession.toJSON} writes the current version ({@link PlaybackSessionJson}).
 */
export interface PlaybackSessionJsonV1 {
  /** The format version, `1`. */
  readonly version: 1;
  /** The session id (not empty). */
  readonly id: string;
  /** The VAST `Ad` id. */
  readonly adId: string;
  /** The creative id, or `null`. */
  readonly creativeId: string | null;
  /** The provider profile name. */
  readonly provider: string;
  /** `real` or `headless`. */
  readonly mode: SessionMode;
  /** The resolved config the session ran with, as plain JSON. */
  readonly config: JsonValue;
  /** The status (must be where the event log leads). */
  readonly status: PlaybackStatus;
  /** When the session was created (epoch ms, session clock). */
  readonly createdAt: number;
  /** When loading started (epoch ms), or `null` if `load()` was never called. */
  readonly loadedAt: number | null;
  /** The media duration in ms, or `null` when unknown. */
  readonly duration: number | null;
  /** The media position in ms. */
  readonly position: number;
  /** The furthest media position reached, in ms (quartiles up to it have fired), or `null`. */
  readonly maxPosition: number | null;
  /** The creative's progress offsets. */
  readonly progressOffsets: readonly ProgressOffsetJsonV1[];
  /** The event log, oldest first. */
  readonly events: readonly PlaybackEventJsonV1[];
}

const BASIC_TYPES = PLAYBACK_EVENT_TYPES.filter(
  (type): type is BasicPlaybackEventType => type !== 'progress' && type !== 'interruption' && type !== 'error',
);
const time = z.number();
const mediaTime = z.number().nonnegative();
const progressOffsetSchema = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('ms'), value: z.number().nonnegative() }),
  z.strictObject({ unit: z.literal('percent'), value: z.number().min(0).max(100) }),
]);
const eventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.enum(BASIC_TYPES as [BasicPlaybackEventType, ...BasicPlaybackEventType[]]), mediaTime, clockTime: time }),
  z.strictObject({ type: z.literal('progress'), mediaTime, clockTime: time, offset: progressOffsetSchema }),
  z.strictObject({
    type: z.literal('interruption'),
    mediaTime,
    clockTime: time,
    interruptionType: z.string(),
    reason: z.string(),
  }),
  z.strictObject({
    type: z.literal('error'),
    mediaTime,
    clockTime: time,
    code: z.number().refine(isVastErrorCode, { error: 'expected an IAB VAST error code: an integer from 100 to 902' }),
    message: z.string().nullable(),
  }),
]);

/**
 * The zod schema of format version 1 ({@link PlaybackSessionJsonV1}), structure only: use it to
 * check stored version 1 documents in your own code. {@link PlaybackSession.fromJSON} uses it to
 * explain why a version 1 document is refused.
 */
export const playbackSessionJsonV1Schema: z.ZodType<PlaybackSessionJsonV1, unknown> = z.strictObject({
  version: z.literal(1),
  id: z.string().min(1),
  adId: z.string(),
  creativeId: z.string().nullable(),
  provider: z.string(),
  mode: z.enum(['real', 'headless']),
  config: z.json(),
  status: z.enum(PLAYBACK_STATUSES as [PlaybackStatus, ...PlaybackStatus[]]),
  createdAt: time,
  loadedAt: time.nullable(),
  duration: z.number().nonnegative().nullable(),
  position: mediaTime,
  maxPosition: mediaTime.nullable(),
  progressOffsets: z.array(progressOffsetSchema),
  events: z.array(eventSchema),
});

// ---- fast path: a hand-written check of the same structure, building canonical objects ----

const TOP_KEYS = 15;
const EVENT_TYPES = new Set<string>(PLAYBACK_EVENT_TYPES);
const STATUSES = new Set<string>(PLAYBACK_STATUSES);

function fastOffset(value: unknown): ProgressOffset | undefined {
  if (!isObject(value) || keyCount(value) !== 2 || !isMedia(value['value'])) return undefined;
  return offsetFromJson(value['unit'], value['value'], 'ms');
}

function fastEvent(value: unknown): PlaybackEvent | undefined {
  if (!isObject(value)) return undefined;
  const { type, mediaTime: media, clockTime } = value;
  if (typeof type !== 'string' || !EVENT_TYPES.has(type) || !isMedia(media) || !isNumber(clockTime)) return undefined;
  const keys = keyCount(value);
  switch (type as PlaybackEventType) {
    case 'progress': {
      const offset = fastOffset(value['offset']);
      if (keys !== 4 || offset === undefined) return undefined;
      return Object.freeze({ type: 'progress', mediaTime: media + 0, clockTime: clockTime + 0, offset });
    }
    case 'interruption': {
      const { interruptionType, reason } = value;
      if (keys !== 5 || typeof interruptionType !== 'string' || typeof reason !== 'string') return undefined;
      return Object.freeze({ type: 'interruption', mediaTime: media + 0, clockTime: clockTime + 0, interruptionType, reason });
    }
    case 'error': {
      const { code, message } = value;
      if (keys !== 5 || !isVastErrorCode(code)) return undefined;
      if (message !== null && typeof message !== 'string') return undefined;
      return Object.freeze({ type: 'error', mediaTime: media + 0, clockTime: clockTime + 0, code, message });
    }
    default:
      if (keys !== 3) return undefined;
      return Object.freeze({ type: type as BasicPlaybackEventType, mediaTime: media + 0, clockTime: clockTime + 0 });
  }
}

/**
 * Checks a version 1 document with a hand-written decoder that builds the canonical, frozen
 * objects.
 *
 * @param o - a plain object whose `version` is 1
 * @returns the canonical document, or `undefined` when it is not valid (zod then explains why)
 * @internal
 */
export function fastDecodeV1(o: Record<string, unknown>): DecodedSessionV1 | undefined {
  if (keyCount(o) !== TOP_KEYS) return undefined;
  const { version, id, adId, creativeId, provider, mode, status, createdAt, loadedAt, duration, position, maxPosition } = o;
  if (
    version !== 1 ||
    typeof id !== 'string' ||
    id === '' ||
    typeof adId !== 'string' ||
    (creativeId !== null && typeof creativeId !== 'string') ||
    typeof provider !== 'string' ||
    (mode !== 'real' && mode !== 'headless') ||
    typeof status !== 'string' ||
    !STATUSES.has(status) ||
    !isNumber(createdAt) ||
    !nullableNumber(loadedAt) ||
    !nullableMedia(duration) ||
    !isMedia(position) ||
    !nullableMedia(maxPosition)
  ) {
    return undefined;
  }
  if (!('config' in o)) return undefined;
  const config = tryCloneJson(o['config']);
  if (config === NOT_JSON) return undefined;
  const progressOffsets = fastArray(o['progressOffsets'], fastOffset);
  const events = fastArray(o['events'], fastEvent);
  if (progressOffsets === undefined || events === undefined) return undefined;
  return {
    version,
    id,
    adId,
    creativeId,
    provider,
    mode,
    config,
    status: status as PlaybackStatus,
    createdAt: createdAt + 0,
    loadedAt: plusZero(loadedAt),
    duration: plusZero(duration),
    position: position + 0,
    maxPosition: plusZero(maxPosition),
    progressOffsets: Object.freeze(progressOffsets),
    events: Object.freeze(events),
  };
}
