import { z } from 'zod';
import { InvalidSessionJsonError, formatJsonPath, type SessionJsonIssue } from './invalid-session-json-error.js';
import { IllegalTransitionError } from './illegal-transition-error.js';
import { NOT_JSON, cloneJson, tryCloneJson, type JsonValue } from './json-value.js';
import {
  PLAYBACK_EVENT_TYPES,
  type BasicPlaybackEventType,
  type PlaybackEvent,
  type PlaybackEventType,
  type ProgressOffset,
} from './playback-event.js';
import { PLAYBACK_STATUSES, type PlaybackStatus } from './playback-status.js';
import { nextStatus } from './playback-transitions.js';

/** The version of the session JSON format this release writes and reads. */
export const SESSION_JSON_VERSION = 1;

/** Whether a session plays on the wall clock (`real`) or on a simulated one (`headless`). */
export type SessionMode = 'real' | 'headless';

/**
 * The JSON form of a {@link PlaybackSession} (format version {@link SESSION_JSON_VERSION}). Keys
 * are always written in this order, so the same session always gives the same bytes.
 */
export interface PlaybackSessionJson {
  /** The format version, `1`. */
  readonly version: typeof SESSION_JSON_VERSION;
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
  /** The status. */
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
  readonly progressOffsets: readonly ProgressOffset[];
  /** The event log, oldest first. */
  readonly events: readonly PlaybackEvent[];
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
    code: z.int().min(100).max(999),
    message: z.string().nullable(),
  }),
]);

/**
 * The zod schema of {@link PlaybackSessionJson} (structure only; {@link PlaybackSession.fromJSON}
 * also checks that the status follows from the event log). Use it to embed sessions in your own
 * schemas.
 */
export const playbackSessionJsonSchema: z.ZodType<PlaybackSessionJson, unknown> = z.strictObject({
  version: z.literal(SESSION_JSON_VERSION),
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

function isObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
function keyCount(value: object): number {
  return Object.keys(value).length;
}
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isMedia = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function fastOffset(value: unknown): ProgressOffset | undefined {
  if (!isObject(value) || keyCount(value) !== 2 || !isMedia(value['value'])) return undefined;
  const unit = value['unit'];
  if (unit === 'ms') return Object.freeze({ unit, value: value['value'] + 0 });
  if (unit === 'percent' && value['value'] <= 100) return Object.freeze({ unit, value: value['value'] + 0 });
  return undefined;
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
      if (keys !== 5 || !Number.isInteger(code) || (code as number) < 100 || (code as number) > 999) return undefined;
      if (message !== null && typeof message !== 'string') return undefined;
      return Object.freeze({ type: 'error', mediaTime: media + 0, clockTime: clockTime + 0, code: code as number, message });
    }
    default:
      if (keys !== 3) return undefined;
      return Object.freeze({ type: type as BasicPlaybackEventType, mediaTime: media + 0, clockTime: clockTime + 0 });
  }
}

function fastArray<T>(value: unknown, item: (v: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) {
    const decoded = item(value[i]);
    if (decoded === undefined) return undefined;
    out[i] = decoded;
  }
  return out;
}

const nullableNumber = (v: unknown): v is number | null => v === null || isNumber(v);
const nullableMedia = (v: unknown): v is number | null => v === null || isMedia(v);
const plusZero = (v: number | null): number | null => (v === null ? null : v + 0);

function fastDecode(input: unknown): PlaybackSessionJson | undefined {
  if (!isObject(input) || keyCount(input) !== TOP_KEYS) return undefined;
  const o = input;
  const { version, id, adId, creativeId, provider, mode, status, createdAt, loadedAt, duration, position, maxPosition } = o;
  if (
    version !== SESSION_JSON_VERSION ||
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

// ---- the slow path: zod explains what is wrong ----

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function explain(input: unknown): never {
  if (isObject(input) && typeof input['version'] === 'number' && input['version'] !== SESSION_JSON_VERSION) {
    throw new InvalidSessionJsonError(
      [{ path: 'version', message: `unsupported session JSON version (this release reads version ${SESSION_JSON_VERSION})` }],
      input['version'],
    );
  }
  // zod reports a bad config at `config`; name the exact part instead.
  if (isObject(input) && 'config' in input) cloneJson(input['config'], ['config']);
  const result = playbackSessionJsonSchema.safeParse(input);
  if (!result.success) {
    const issues: SessionJsonIssue[] = result.error.issues.map((issue) => ({
      path: formatJsonPath(issue.path),
      message: issue.message,
    }));
    const first = result.error.issues[0];
    throw new InvalidSessionJsonError(issues, first ? valueAt(input, first.path) : undefined, { cause: result.error });
  }
  // zod accepted what the fast path refused: a gap between the two checks.
  throw new InvalidSessionJsonError([{ path: '(root)', message: 'session JSON could not be decoded' }]);
}

function checkConsistency(json: PlaybackSessionJson): void {
  let status: PlaybackStatus = json.loadedAt === null ? 'created' : 'loading';
  for (let i = 0; i < json.events.length; i++) {
    const event = json.events[i] as PlaybackEvent;
    try {
      status = nextStatus(status, event.type);
    } catch (error) {
      if (!(error instanceof IllegalTransitionError)) throw error;
      throw new InvalidSessionJsonError(
        [{ path: `events[${i}].type`, message: `"${event.type}" cannot follow status "${status}" in the log` }],
        event.type,
        { cause: error },
      );
    }
  }
  if (status !== json.status) {
    throw new InvalidSessionJsonError(
      [{ path: 'status', message: `the event log leads to "${status}"` }],
      json.status,
    );
  }
  if (json.maxPosition === null ? json.position !== 0 : json.maxPosition < json.position) {
    throw new InvalidSessionJsonError(
      [{ path: 'maxPosition', message: `must be at least position (${json.position})` }],
      json.maxPosition,
    );
  }
}

/**
 * Decodes and checks session JSON: a hand-written check of the structure that builds canonical
 * objects (fast), zod to explain any problem, then the consistency of the status with the log.
 *
 * @param input - a parsed JSON value, or JSON text
 * @returns the canonical, frozen session JSON
 * @throws {@link InvalidSessionJsonError} (code `INVALID_SESSION_JSON`) naming the path and value
 * @internal
 */
export function decodeSessionJson(input: unknown): PlaybackSessionJson {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      throw new InvalidSessionJsonError([{ path: '(root)', message: `not JSON text: ${(error as Error).message}` }], undefined, {
        cause: error,
      });
    }
  }
  const json = fastDecode(value) ?? explain(value);
  checkConsistency(json);
  return json;
}
