import { z } from 'zod';
import { isVastErrorCode } from '@vast/error-codes';
import type { ConfigSnapshotCache } from './config-snapshot-cache.js';
import { checkSessionLog } from './check-session-log.js';
import { InvalidSessionJsonError, formatJsonPath, type SessionJsonIssue } from './invalid-session-json-error.js';
import { fastArray, isMedia, isNumber, isObject, keyCount, nullableMedia, nullableNumber, plusZero, valueAt } from './json-checks.js';
import { NOT_JSON, cloneJson, freezeParsedJson, tryCloneJson, type JsonValue } from './json-value.js';
import {
  PLAYBACK_EVENT_TYPES,
  type BasicPlaybackEventType,
  type PlaybackEvent,
  type PlaybackEventType,
  type ProgressOffset,
} from './playback-event.js';
import { offsetFromJson, offsetToJson, type TimeOffsetUnit } from './offset-json.js';
import { fastDecodeV1, playbackSessionJsonV1Schema, type DecodedSessionV1 } from './session-json-v1.js';
import type { SessionMode } from './session-mode.js';


/** The version of the session JSON format this release writes (it also reads versions 1 and 2). */
export const SESSION_JSON_VERSION = 3;

/** The format versions written as tuples: 2 (time offsets in ms) and 3 (time offsets in seconds). */
type TupleVersion = 2 | typeof SESSION_JSON_VERSION;

/**
 * A clock time in format versions 2 and 3: the milliseconds after `createdAt` (a number), or, only when
 * that difference would not add back to the exact time (possible with fractional times), the
 * epoch ms themselves in a one-element array.
 */
export type ClockTimeJson = number | readonly [epochMs: number];

/**
 * A progress offset in format version 3: `["s", 5]` (seconds from the start, the parser's
 * `{ type: 'time', seconds: 5 }`) or `["percent", 10]`. Version 2 wrote time offsets in
 * milliseconds (`["ms", 5000]`); it is still read.
 */
export type ProgressOffsetJson = readonly [unit: 's' | 'percent', value: number];

/**
 * One logged event in format version 3: a tuple of the event type, the media time (ms), the
 * clock time ({@link ClockTimeJson}) and the fields of its type, in this order.
 */
export type PlaybackEventJson =
  | readonly [type: BasicPlaybackEventType, mediaTime: number, clock: ClockTimeJson]
  | readonly [type: 'progress', mediaTime: number, clock: ClockTimeJson, unit: 's' | 'percent', value: number]
  | readonly [type: 'interruption', mediaTime: number, clock: ClockTimeJson, interruptionType: string, reason: string]
  | readonly [type: 'error', mediaTime: number, clock: ClockTimeJson, code: number, message: string | null];

/**
 * The JSON form of a {@link PlaybackSession} (format version {@link SESSION_JSON_VERSION}). Keys
 * are always written in this order, so the same session always gives the same bytes. The status
 * and the furthest media position are not written: they follow from the event log.
 */
export interface PlaybackSessionJson {
  /** The format version, `3`. */
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
  /** When the session was created (epoch ms, session clock); event clock times count from it. */
  readonly createdAt: number;
  /** When loading started (epoch ms), or `null` if `load()` was never called. */
  readonly loadedAt: number | null;
  /** The media duration in ms, or `null` when unknown. */
  readonly duration: number | null;
  /** The media position in ms. */
  readonly position: number;
  /** The creative's progress offsets. */
  readonly offsets: readonly ProgressOffsetJson[];
  /** The event log, oldest first. */
  readonly events: readonly PlaybackEventJson[];
}

const BASIC_TYPES = PLAYBACK_EVENT_TYPES.filter(
  (type): type is BasicPlaybackEventType => type !== 'progress' && type !== 'interruption' && type !== 'error',
);
const time = z.number();
const mediaTime = z.number().nonnegative();
const clock = z.union([z.number(), z.tuple([z.number()])]);
const percentAtMost100 = (index: number) => (tuple: readonly unknown[], ctx: z.core.$RefinementCtx<readonly unknown[]>) => {
  if (tuple[index - 1] === 'percent' && (tuple[index] as number) > 100) {
    ctx.addIssue({ code: 'custom', path: [index], message: 'Too big: a percent must be <=100', input: tuple[index] });
  }
};
/** The zod schemas of the tuple formats, for the version whose time offsets are in `timeUnit`. */
function tupleSchemas(version: TupleVersion, timeUnit: TimeOffsetUnit) {
  const unit = z.enum([timeUnit, 'percent']);
  const eventTuples = {
    basic: z.tuple([z.enum(BASIC_TYPES as [BasicPlaybackEventType, ...BasicPlaybackEventType[]]), mediaTime, clock]),
    progress: z.tuple([z.literal('progress'), mediaTime, clock, unit, z.number().nonnegative()]).superRefine(percentAtMost100(4)),
    interruption: z.tuple([z.literal('interruption'), mediaTime, clock, z.string(), z.string()]),
    error: z.tuple([
      z.literal('error'),
      mediaTime,
      clock,
      z.number().refine(isVastErrorCode, { error: 'expected an IAB VAST error code: an integer from 100 to 902' }),
      z.string().nullable(),
    ]),
  };
  const session = z.strictObject({
    version: z.literal(version),
    id: z.string().min(1),
    adId: z.string(),
    creativeId: z.string().nullable(),
    provider: z.string(),
    mode: z.enum(['real', 'headless']),
    config: z.json(),
    createdAt: time,
    loadedAt: time.nullable(),
    duration: z.number().nonnegative().nullable(),
    position: mediaTime,
    offsets: z.array(z.tuple([unit, z.number().nonnegative()]).superRefine(percentAtMost100(1))),
    events: z.array(z.union([eventTuples.basic, eventTuples.progress, eventTuples.interruption, eventTuples.error])),
  });
  return { eventTuples, session };
}

const V3 = tupleSchemas(SESSION_JSON_VERSION, 's');
const V2 = tupleSchemas(2, 'ms');
const TIME_UNIT: Readonly<Record<TupleVersion, TimeOffsetUnit>> = { 2: 'ms', 3: 's' };

/**
 * The zod schema of {@link PlaybackSessionJson} (format version 3; structure only:
 * {@link PlaybackSession.fromJSON} also checks that the log is one a session could have produced).
 * Use it to embed sessions in your own schemas; see {@link playbackSessionJsonV1Schema} for
 * version 1.
 */
export const playbackSessionJsonSchema: z.ZodType<PlaybackSessionJson, unknown> = V3.session as z.ZodType<PlaybackSessionJson, unknown>;

// ---- writing ----

/**
 * A clock time as format versions 2 and 3 writes it: ms after `createdAt`, or `[clockTime]` when that
 * would not add back exactly.
 *
 * @param clockTime - the event's clock time (epoch ms)
 * @param createdAt - the session's creation time
 * @returns the number, or the frozen one-element tuple
 * @internal
 */
export function encodeClock(clockTime: number, createdAt: number): ClockTimeJson {
  const after = clockTime - createdAt;
  return createdAt + after === clockTime ? after : Object.freeze([clockTime] as const);
}

/**
 * One event as format version 3 writes it (a frozen tuple).
 *
 * @param event - the logged event
 * @param createdAt - the session's creation time
 * @returns the tuple
 * @internal
 */
export function encodeEvent(event: PlaybackEvent, createdAt: number): PlaybackEventJson {
  const at = encodeClock(event.clockTime, createdAt);
  switch (event.type) {
    case 'progress':
      return Object.freeze([event.type, event.mediaTime, at, ...offsetToJson(event.offset)] as const);
    case 'interruption':
      return Object.freeze([event.type, event.mediaTime, at, event.interruptionType, event.reason] as const);
    case 'error':
      return Object.freeze([event.type, event.mediaTime, at, event.code, event.message] as const);
    default:
      return Object.freeze([event.type, event.mediaTime, at] as const);
  }
}

/**
 * A progress offset as format version 3 writes it.
 *
 * @param offset - the offset
 * @returns the frozen `[unit, value]` tuple
 * @internal
 */
export function encodeOffset(offset: ProgressOffset): ProgressOffsetJson {
  return Object.freeze(offsetToJson(offset));
}

// ---- reading ----

/**
 * A session decoded from any supported format version, checked and canonical.
 * @internal
 */
export type DecodedSession = Omit<DecodedSessionV1, 'version' | 'events'> & {
  /** The frozen events, in an array the receiver owns (the session appends to it). */
  readonly events: PlaybackEvent[];
  /** `JSON.stringify(config)` when the decoder had it at hand, else `undefined`. */
  readonly configText: string | undefined;
};

/** The config of a session being decoded, with its JSON text when known. */
interface DecodedConfig {
  readonly config: JsonValue;
  readonly text: string | undefined;
}

const V2_KEYS = 13;
const EVENT_TYPES = new Set<string>(PLAYBACK_EVENT_TYPES);

/** The `[unit, value]` offset reader of a tuple format version. */
function tupleOffsetReader(timeUnit: TimeOffsetUnit): (value: unknown) => ProgressOffset | undefined {
  return (value) => (Array.isArray(value) && value.length === 2 ? offsetFromJson(value[0], value[1], timeUnit) : undefined);
}
const OFFSET_READERS: Readonly<Record<TupleVersion, (value: unknown) => ProgressOffset | undefined>> = {
  2: tupleOffsetReader('ms'),
  3: tupleOffsetReader('s'),
};

/**
 * Decodes version 2 or 3 (tuples) from its top-level fields `o` (without `config` when the text
 * was decoded with a config cache), with `decoded`, the config and its text.
 */
function fastDecodeTuples(o: Record<string, unknown>, decoded: DecodedConfig, version: TupleVersion): DecodedSession | undefined {
  const { id, adId, creativeId, provider, mode, createdAt, loadedAt, duration, position, events: rawEvents } = o;
  if (
    typeof id !== 'string' ||
    id === '' ||
    typeof adId !== 'string' ||
    (creativeId !== null && typeof creativeId !== 'string') ||
    typeof provider !== 'string' ||
    (mode !== 'real' && mode !== 'headless') ||
    !isNumber(createdAt) ||
    !nullableNumber(loadedAt) ||
    !nullableMedia(duration) ||
    !isMedia(position) ||
    !Array.isArray(rawEvents)
  ) {
    return undefined;
  }
  const { config } = decoded;
  const timeUnit = TIME_UNIT[version];
  const progressOffsets = fastArray(o['offsets'], OFFSET_READERS[version]);
  if (progressOffsets === undefined) return undefined;
  const events = new Array<PlaybackEvent>(rawEvents.length);
  for (let i = 0; i < rawEvents.length; i++) {
    const tuple: unknown = rawEvents[i];
    if (!Array.isArray(tuple) || tuple.length < 3) return undefined;
    const type: unknown = tuple[0];
    const media: unknown = tuple[1];
    const at: unknown = tuple[2];
    if (typeof type !== 'string' || !EVENT_TYPES.has(type) || !isMedia(media)) return undefined;
    let clockTime: number;
    if (typeof at === 'number') clockTime = createdAt + at;
    else if (Array.isArray(at) && at.length === 1 && typeof at[0] === 'number') clockTime = at[0];
    else return undefined;
    if (!Number.isFinite(clockTime)) return undefined;
    clockTime += 0;
    let event: PlaybackEvent;
    switch (type as PlaybackEventType) {
      case 'progress': {
        const offset = tuple.length === 5 ? offsetFromJson(tuple[3], tuple[4], timeUnit) : undefined;
        if (offset === undefined) return undefined;
        event = Object.freeze({ type: 'progress', mediaTime: media + 0, clockTime, offset });
        break;
      }
      case 'interruption': {
        const interruptionType: unknown = tuple[3];
        const reason: unknown = tuple[4];
        if (tuple.length !== 5 || typeof interruptionType !== 'string' || interruptionType === '' || typeof reason !== 'string') return undefined;
        event = Object.freeze({ type: 'interruption', mediaTime: media + 0, clockTime, interruptionType, reason });
        break;
      }
      case 'error': {
        const code: unknown = tuple[3];
        const message: unknown = tuple[4];
        if (tuple.length !== 5 || !isVastErrorCode(code)) return undefined;
        if (message !== null && typeof message !== 'string') return undefined;
        event = Object.freeze({ type: 'error', mediaTime: media + 0, clockTime, code, message });
        break;
      }
      default:
        if (tuple.length !== 3) return undefined;
        event = Object.freeze({ type: type as BasicPlaybackEventType, mediaTime: media + 0, clockTime });
    }
    events[i] = event;
  }
  const decodedSession: { -readonly [K in keyof DecodedSession]: DecodedSession[K] } = {
    id,
    adId,
    creativeId,
    provider,
    mode,
    config,
    status: 'created',
    createdAt: createdAt + 0,
    loadedAt: plusZero(loadedAt),
    duration: plusZero(duration),
    position: position + 0,
    maxPosition: null,
    progressOffsets: Object.freeze(progressOffsets),
    events,
    configText: decoded.text,
  };
  // The structure is valid: from here on a refusal names the event no session could have logged.
  const checked = checkSessionLog(decodedSession, version);
  decodedSession.status = checked.status;
  decodedSession.maxPosition = checked.maxPosition;
  return decodedSession;
}

/** The config of a document parsed whole: frozen in place when we parsed it, else a frozen copy. */
function wholeConfig(o: Record<string, unknown>, owned: boolean, cache: ConfigSnapshotCache | undefined): DecodedConfig | undefined {
  if (keyCount(o) !== V2_KEYS || !('config' in o)) return undefined;
  // A value we parsed ourselves is plain JSON that nobody else holds: freeze it where it is.
  const config = owned ? freezeParsedJson(o['config']) : tryCloneJson(o['config']);
  if (config === NOT_JSON) return undefined;
  if (cache === undefined) return { config, text: undefined };
  // freezeParsedJson and tryCloneJson checked the config already: no second walk.
  const held = cache.shareChecked(JSON.stringify(config), config);
  return { config: held.snapshot, text: held.text };
}

const CONFIG_KEY = '"config":';
const AFTER_CONFIG = ',"createdAt":';

/**
 * Decodes version 3 text whose config the cache already holds, without parsing the config again:
 * the config text (between `"config":` and `,"createdAt":`) is looked up as it stands, and the
 * rest of the document, the members before the config joined to those after it, is parsed in one
 * go. Only a config written as `JSON.stringify` writes it is found; anything else (whitespace,
 * other key orders, a config the cache does not hold, members this cut cannot prove to be the
 * document's own) returns `undefined` and the text is parsed whole, so a document decodes here
 * exactly as it would parsed whole.
 */
function decodeTextWithCache(text: string, cache: ConfigSnapshotCache): DecodedSession | undefined {
  // Canonical text has `,"config":` after the members before it and a held config text right
  // after it, followed by `,"createdAt":`; a config text is one whole JSON value, so it ends there.
  const configKey = text.indexOf(CONFIG_KEY);
  if (configKey < 1 || text.charCodeAt(configKey - 1) !== 44 /* , */) return undefined;
  const start = configKey + CONFIG_KEY.length;
  const found = cache.lookupFollowedBy(text, start, AFTER_CONFIG);
  if (found === undefined) return undefined;
  // The members before the config must end at the top level for the joined text to be the
  // document without its config. With no bracket after the opening one they cannot end deeper,
  // and if they ended inside a string, `,"createdAt":` could not follow in valid JSON; so when
  // the joined text parses, putting `,"config":` and the config back between the parts gives
  // valid JSON with the same members plus the config. (An id with a bracket in it takes the
  // whole parse.)
  const head = text.slice(0, configKey - 1);
  if (head.charCodeAt(0) !== 123 /* { */ || head.indexOf('{', 1) !== -1 || head.indexOf('[') !== -1) return undefined;
  let rest: unknown;
  try {
    rest = JSON.parse(head + text.slice(start + found.text.length));
  } catch {
    return undefined;
  }
  // Exactly the twelve other keys (fastDecodeTuples checks each by its value): no "config" among
  // them, which the whole document would then hold twice, and nothing unknown.
  if (!isObject(rest) || rest['version'] !== SESSION_JSON_VERSION || keyCount(rest) !== V2_KEYS - 1) return undefined;
  return fastDecodeTuples(rest, { config: found.snapshot, text: found.text }, SESSION_JSON_VERSION);
}

// ---- the slow path: zod explains what is wrong ----

const EVENT_SLOTS = ['type', 'media time', 'clock time'];

/** One problem, with its path still as segments (to look up the bad value). */
interface RawIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Turns zod issues into ours; for an event tuple, checks it against the tuple of its own type. */
function toIssues(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: readonly PropertyKey[]): RawIssue[] {
  const out: RawIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && path.length === 2 && path[0] === 'events') {
      // A union of tuples: say what is wrong with the tuple of the event's own type.
      const tuple = valueAt(input, path);
      const type: unknown = Array.isArray(tuple) ? (tuple as unknown[])[0] : undefined;
      if (typeof type === 'string' && EVENT_TYPES.has(type)) {
        const tuples = (isObject(input) && input['version'] === 2 ? V2 : V3).eventTuples;
        const schema = type === 'progress' || type === 'interruption' || type === 'error' ? tuples[type] : tuples.basic;
        out.push(...toIssues(schema.safeParse(tuple).error?.issues ?? [], input, path));
      } else if (Array.isArray(tuple)) {
        out.push({ path: [...path, 0], message: `type: not an event type (one of ${PLAYBACK_EVENT_TYPES.join(', ')})` });
      } else {
        out.push({ path, message: 'expected an event tuple [type, mediaTime, clock, ...fields]' });
      }
      continue;
    }
    // The only other union is the clock time.
    const message = issue.code === 'invalid_union' ? 'expected ms after createdAt (a number) or [epoch ms]' : issue.message;
    const slot = path.length === 3 && path[0] === 'events' ? EVENT_SLOTS[path[2] as number] : undefined;
    out.push({ path, message: slot === undefined ? message : `${slot}: ${message}` });
  }
  return out;
}

function explain(input: unknown): never {
  const version = isObject(input) ? input['version'] : undefined;
  if (typeof version === 'number' && version !== 1 && version !== 2 && version !== SESSION_JSON_VERSION) {
    throw new InvalidSessionJsonError(
      [{ path: 'version', message: `unsupported session JSON version (this release reads versions 1, 2 and ${SESSION_JSON_VERSION})` }],
      version,
    );
  }
  // zod reports a bad config at `config`; name the exact part instead.
  if (isObject(input) && 'config' in input) cloneJson(input['config'], ['config']);
  const schema: z.ZodType = version === 1 ? playbackSessionJsonV1Schema : version === 2 ? V2.session : V3.session;
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = toIssues(result.error.issues, input, []);
    const first = issues[0];
    throw new InvalidSessionJsonError(
      issues.map((issue): SessionJsonIssue => ({ path: formatJsonPath(issue.path), message: issue.message })),
      first === undefined ? undefined : valueAt(input, first.path),
      { cause: result.error },
    );
  }
  // zod accepted what the fast path refused: a gap between the two checks.
  throw new InvalidSessionJsonError([{ path: '(root)', message: 'session JSON could not be decoded' }]);
}

function fromV1(input: Record<string, unknown>, cache: ConfigSnapshotCache | undefined): DecodedSession {
  const json = fastDecodeV1(input) ?? explain(input);
  const { status, maxPosition } = checkSessionLog(json, 1, json.maxPosition);
  if (status !== json.status) {
    throw new InvalidSessionJsonError([{ path: 'status', message: `the event log leads to "${status}"` }], json.status);
  }
  // Version 1 states the furthest position: at least the position, and no mark up to it left
  // unlogged (the replay checked that); the restored tracker takes the further of it and the log's.
  const written = json.maxPosition;
  if (written === null ? json.position !== 0 : written < json.position) {
    throw new InvalidSessionJsonError([{ path: 'maxPosition', message: `must be at least position (${json.position})` }], written);
  }
  const furthest = written === null || (maxPosition !== null && maxPosition > written) ? maxPosition : written;
  const events = [...json.events];
  if (cache === undefined) return { ...json, status, maxPosition: furthest, events, configText: undefined };
  const held = cache.share(JSON.stringify(json.config), json.config);
  return { ...json, config: held.snapshot, status, maxPosition: furthest, events, configText: held.text };
}

/**
 * Decodes and checks session JSON of format version 3, 2 or 1: a hand-written check of the structure
 * that builds canonical objects (fast), zod to explain any problem, then the consistency of the
 * log (versions 2 and 3 derive the status from it; version 1 must state the status it leads to).
 *
 * @param input - a parsed JSON value, or JSON text
 * @param cache - where sessions share config snapshots, if anywhere
 * @returns the canonical, frozen session data
 * @throws {@link InvalidSessionJsonError} (code `INVALID_SESSION_JSON`) naming the path and value
 * @internal
 */
export function decodeSessionJson(input: unknown, cache?: ConfigSnapshotCache): DecodedSession {
  let value = input;
  if (typeof input === 'string') {
    const fast = cache === undefined ? undefined : decodeTextWithCache(input, cache);
    if (fast !== undefined) return fast;
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      throw new InvalidSessionJsonError([{ path: '(root)', message: `not JSON text: ${(error as Error).message}` }], undefined, {
        cause: error,
      });
    }
  }
  if (!isObject(value)) explain(value);
  const version = value['version'];
  if (version === 1) return fromV1(value, cache);
  if (version !== 2 && version !== SESSION_JSON_VERSION) return explain(value);
  const config = wholeConfig(value, value !== input, cache);
  return (config === undefined ? undefined : fastDecodeTuples(value, config, version)) ?? explain(value);
}
