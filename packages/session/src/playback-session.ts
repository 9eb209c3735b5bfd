import type { TimeProvider } from '@vast/time';
import { isVastErrorCode } from '@vast/error-codes';
import type { ConfigSnapshotCache } from './config-snapshot-cache.js';
import { IllegalTransitionError } from './illegal-transition-error.js';
import { cloneJson, type JsonValue } from './json-value.js';
import type {
  BasicPlaybackEventType,
  ErrorPlaybackEvent,
  InterruptionPlaybackEvent,
  PlaybackEvent,
  PlaybackEventOf,
  ProgressOffset,
} from './playback-event.js';
import { PlaybackStatus, isTerminalStatus } from './playback-status.js';
import { PLAYBACK_COMMAND_RULES, nextStatus } from './playback-transitions.js';
import { QuartileTracker, type QuartileUnavailableReason } from './quartile-tracker.js';
import {
  SESSION_JSON_VERSION,
  decodeSessionJson,
  encodeEvent,
  encodeOffset,
  type DecodedSession,
  type PlaybackEventJson,
  type PlaybackSessionJson,
  type ProgressOffsetJson,
} from './session-json.js';
import { eventJsonText, offsetsJsonText, sessionHeadJsonText } from './session-json-text.js';
import type { SessionMode } from './session-mode.js';
import { SessionError } from './session-error.js';

/** Options of {@link PlaybackSession}. */
export interface PlaybackSessionOptions {
  /** The session id (not empty); the caller makes it (e.g. from a seeded source or a UUID). */
  readonly id: string;
  /** The VAST `Ad` id. */
  readonly adId: string;
  /**
   * The creative id.
   * @defaultValue `null`
   */
  readonly creativeId?: string | null;
  /**
   * The provider profile name.
   * @defaultValue `'global'`
   */
  readonly provider?: string;
  /**
   * `real` or `headless`.
   * @defaultValue `'headless'` on a simulated clock, `'real'` on the wall clock
   */
  readonly mode?: SessionMode;
  /**
   * The resolved config to keep with the session, as plain JSON (deep-copied and frozen).
   * @defaultValue `{}`
   */
  readonly config?: unknown;
  /**
   * The media duration in ms, or `null` when unknown (then no quartiles fire).
   * @defaultValue `null`
   */
  readonly duration?: number | null;
  /**
   * The creative's progress offsets.
   * @defaultValue `[]`
   */
  readonly progressOffsets?: readonly ProgressOffset[];
  /** The clock every event's `clockTime` comes from. */
  readonly time: TimeProvider;
  /**
   * Where sessions with equal configs share one snapshot (see {@link ConfigSnapshotCache}).
   * @defaultValue none: the session keeps its own copy
   */
  readonly configCache?: ConfigSnapshotCache | undefined;
}

/** Options of {@link PlaybackSession.fromJSON}. */
export interface PlaybackSessionRestoreOptions {
  /** The clock the restored session takes its times from from now on. */
  readonly time: TimeProvider;
  /**
   * Where restored sessions with equal configs share one snapshot, which also spares parsing a
   * config the cache already holds (see {@link ConfigSnapshotCache}).
   * @defaultValue none: the session keeps the config it parsed
   */
  readonly configCache?: ConfigSnapshotCache | undefined;
}

/** How an interruption ended the session. */
export interface InterruptionDetails {
  /** The kind of interruption. */
  readonly type: string;
  /** Why, in words. */
  readonly reason: string;
  /** The media position it happened at (ms). */
  readonly mediaTime: number;
  /** The clock time it happened at (epoch ms). */
  readonly clockTime: number;
}

/** Where the time of a session went, from its log (all clock times in epoch ms, spans in ms). */
export interface PlaybackTimingSummary {
  /** When the session was created. */
  readonly createdAt: number;
  /** When loading started, or `null`. */
  readonly loadedAt: number | null;
  /** When playback started (`start`), or `null`. */
  readonly startedAt: number | null;
  /** When the session reached a terminal status, or `null`. */
  readonly endedAt: number | null;
  /** From loading (or creation) to start, or `null` before start. */
  readonly loadMs: number | null;
  /** Time spent paused, up to the last event. */
  readonly pausedMs: number;
  /** Time spent playing (start to end or to the last event, minus pauses), or `null` before start. */
  readonly playingMs: number | null;
}

/** The key under which {@link PlaybackSession.fromJSON} hands decoded data to the constructor. */
const RESTORED: unique symbol = Symbol('restored session');

/** The options object of a method, or the error naming it. */
function requireObject<T extends object>(value: T, name: string): T {
  if (typeof value !== 'object' || value === null) throw new SessionError('INVALID_SESSION_ARGUMENT', `${name} must be an object, got ${String(value)}`);
  return value;
}

/** The clock of a session: it must read the time. */
function requireTime(time: TimeProvider): TimeProvider {
  if (typeof time !== 'object' || time === null || typeof time.now !== 'function') {
    throw new SessionError('INVALID_SESSION_ARGUMENT', 'time must be a TimeProvider (from @vast/time)');
  }
  return time;
}

/** A non-empty string, or the error for `name`. */
function requireString(value: unknown, name: string, allowEmpty: boolean): string {
  if (typeof value !== 'string' || (!allowEmpty && value === '')) {
    throw new SessionError('INVALID_SESSION_ARGUMENT', `${name} must be a ${allowEmpty ? '' : 'non-empty '}string, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * One play of one ad: a state machine over {@link PlaybackStatus} with an event log. Every method
 * checks the transition first (an illegal one throws {@link IllegalTransitionError} and changes
 * nothing), then logs the event with the media position and the injected clock's time.
 *
 * @example
 * ```ts
 * const time = new SimulatedTimeProvider();
 * const session = new PlaybackSession({ id: 's-1', adId: 'ad-9', duration: 30_000, time });
 * session.load();
 * session.impression();
 * session.start();
 * await time.sleep(16_000);
 * session.updatePosition(16_000); // logs firstQuartile and midpoint
 * session.complete(); // logs thirdQuartile and complete
 * const copy = PlaybackSession.fromJSON(JSON.parse(JSON.stringify(session)), { time });
 * ```
 */
export class PlaybackSession {
  /** The session id. */
  readonly id: string;
  /** The VAST `Ad` id. */
  readonly adId: string;
  /** The creative id, or `null`. */
  readonly creativeId: string | null;
  /** The provider profile name. */
  readonly provider: string;
  /** `real` or `headless`. */
  readonly mode: SessionMode;
  readonly #time: TimeProvider;
  #config: JsonValue;
  #createdAt: number;
  #status: PlaybackStatus = PlaybackStatus.Created;
  #loadedAt: number | null = null;
  #position = 0;
  #tracker: QuartileTracker;
  #events: PlaybackEvent[] = [];
  // The log as toJSON writes it, encoded once per event (events never change once logged).
  #eventsJson: PlaybackEventJson[] = [];
  #offsetsJson: readonly ProgressOffsetJson[] | undefined;
  // For toJSONText: the config's text (the one a ConfigSnapshotCache holds, when given one).
  #configText: string | undefined;
  // The latest clock time the session logged (creation, load, events): later ones are not earlier.
  #lastClock = Number.NEGATIVE_INFINITY;

  /**
   * @param options - ids, provider, mode, config snapshot, duration, progress offsets and the clock
   * @throws {@link SessionError} `INVALID_SESSION_ARGUMENT` when `id` is empty or an id is not a string
   * @throws {@link SessionError} `INVALID_SESSION_ARGUMENT` when the duration or a progress offset is invalid
   * @throws {@link InvalidSessionJsonError} (code `INVALID_SESSION_JSON`) when `config` is not
   *   plain JSON, naming the path (e.g. `config.tracker.timeout`)
   */
  constructor(options: PlaybackSessionOptions) {
    requireObject(options, 'options');
    const restored = (options as { readonly [RESTORED]?: DecodedSession })[RESTORED];
    this.#time = requireTime(options.time);
    if (restored !== undefined) {
      // From fromJSON: the data is checked, canonical and frozen (its event array is ours).
      this.id = restored.id;
      this.adId = restored.adId;
      this.creativeId = restored.creativeId;
      this.provider = restored.provider;
      this.mode = restored.mode;
      this.#config = restored.config;
      this.#configText = restored.configText;
      this.#tracker = new QuartileTracker({
        duration: restored.duration,
        progressOffsets: restored.progressOffsets,
        maxPosition: restored.maxPosition,
      });
      this.#createdAt = restored.createdAt;
      this.#status = restored.status;
      this.#loadedAt = restored.loadedAt;
      this.#position = restored.position;
      this.#events = restored.events;
      this.#lastClock = restored.events.at(-1)?.clockTime ?? restored.loadedAt ?? restored.createdAt;
      return;
    }
    this.id = requireString(options.id, 'id', false);
    this.adId = requireString(options.adId, 'adId', true);
    this.creativeId = options.creativeId == null ? null : requireString(options.creativeId, 'creativeId', true);
    this.provider = requireString(options.provider ?? 'global', 'provider', true);
    const mode = options.mode ?? (options.time.kind === 'simulated' ? 'headless' : 'real');
    if (mode !== 'real' && mode !== 'headless') throw new SessionError('INVALID_SESSION_ARGUMENT', `mode must be 'real' or 'headless', got ${JSON.stringify(mode)}`);
    this.mode = mode;
    if (options.configCache === undefined) {
      this.#config = cloneJson(options.config ?? {}, ['config']);
    } else {
      const held = options.configCache.snapshotOf(options.config ?? {});
      this.#config = held.snapshot;
      this.#configText = held.text;
    }
    this.#tracker = new QuartileTracker({ duration: options.duration ?? null, progressOffsets: options.progressOffsets ?? [] });
    this.#createdAt = this.#now();
  }

  /**
   * Restores a session from its JSON, checking the structure, the format version and that the
   * status follows from the log. The result serializes to the same bytes.
   *
   * @param json - the parsed JSON (or JSON text) that {@link PlaybackSession.toJSON} produced
   * @param options - the clock the restored session uses from now on
   * @returns the restored session
   * @throws {@link InvalidSessionJsonError} (code `INVALID_SESSION_JSON`) naming the path and the
   *   bad value, e.g. `events[3].clockTime`
   */
  static fromJSON(json: unknown, options: PlaybackSessionRestoreOptions): PlaybackSession {
    const restore: PlaybackSessionOptions & { readonly [RESTORED]: DecodedSession } = {
      id: '',
      adId: '',
      time: options.time,
      [RESTORED]: decodeSessionJson(json, options.configCache),
    };
    return new PlaybackSession(restore);
  }

  /** The config snapshot (frozen plain JSON). */
  get config(): JsonValue {
    return this.#config;
  }

  /** When the session was created (epoch ms). */
  get createdAt(): number {
    return this.#createdAt;
  }

  /** The current status. */
  get status(): PlaybackStatus {
    return this.#status;
  }

  /** Whether the session reached a terminal status and accepts nothing further. */
  get ended(): boolean {
    return isTerminalStatus(this.#status);
  }

  /** The media position in ms. */
  get position(): number {
    return this.#position;
  }

  /** The media duration in ms, or `null` when unknown. */
  get duration(): number | null {
    return this.#tracker.duration;
  }

  /** The creative's progress offsets. */
  get progressOffsets(): readonly ProgressOffset[] {
    return this.#tracker.progressOffsets;
  }

  /**
   * The media position (ms) of the next quartile or progress offset not yet logged, or `null`
   * when none is left: where a player on a clock should next report the playhead.
   */
  get nextMarkAt(): number | null {
    return this.#tracker.nextMarkAt;
  }

  /**
   * `null` when quartiles fire, or why they do not (`unknown-duration`, `zero-duration`): the
   * session says so rather than silently logging no quartiles.
   */
  get quartilesUnavailable(): QuartileUnavailableReason | null {
    return this.#tracker.unavailableReason;
  }

  /** When loading started (epoch ms), or `null`. */
  get loadedAt(): number | null {
    return this.#loadedAt;
  }

  /** A copy of the event log, oldest first. */
  get events(): readonly PlaybackEvent[] {
    return this.#events.slice();
  }

  /** Whether the last mute/unmute event was a mute. */
  get muted(): boolean {
    for (let i = this.#events.length - 1; i >= 0; i--) {
      const type = (this.#events[i] as PlaybackEvent).type;
      if (type === 'mute') return true;
      if (type === 'unmute') return false;
    }
    return false;
  }

  /** How the session was interrupted, or `null` when it was not. */
  get interruption(): InterruptionDetails | null {
    const event = this.#events.find((e): e is InterruptionPlaybackEvent => e.type === 'interruption');
    if (event === undefined) return null;
    return { type: event.interruptionType, reason: event.reason, mediaTime: event.mediaTime, clockTime: event.clockTime };
  }

  /** The error event that failed the session, or `null`. */
  get failure(): ErrorPlaybackEvent | null {
    return this.#events.find((e): e is ErrorPlaybackEvent => e.type === 'error') ?? null;
  }

  /** Where the time went, from the log. */
  get timing(): PlaybackTimingSummary {
    let startedAt: number | null = null;
    let endedAt: number | null = null;
    let pausedAt: number | null = null;
    let pausedMs = 0;
    let lastAt: number | null = null;
    for (const event of this.#events) {
      lastAt = event.clockTime;
      if (event.type === 'start') startedAt = event.clockTime;
      else if (event.type === 'pause') pausedAt = event.clockTime;
      else if (event.type === 'resume' && pausedAt !== null) {
        pausedMs += event.clockTime - pausedAt;
        pausedAt = null;
      } else if (isTerminalStatus(PLAYBACK_COMMAND_RULES[event.type].to ?? PlaybackStatus.Playing)) {
        endedAt = event.clockTime;
        if (pausedAt !== null) pausedMs += event.clockTime - pausedAt;
        pausedAt = null;
      }
    }
    const end = endedAt ?? lastAt;
    return {
      createdAt: this.createdAt,
      loadedAt: this.#loadedAt,
      startedAt,
      endedAt,
      loadMs: startedAt === null ? null : startedAt - (this.#loadedAt ?? this.createdAt),
      pausedMs,
      playingMs: startedAt === null || end === null ? null : end - startedAt - pausedMs,
    };
  }

  /**
   * Starts loading the media: `created` to `loading`.
   *
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) unless the session is `created`
   */
  load(): void {
    const status = nextStatus(this.#status, 'load');
    this.#loadedAt = this.#now();
    this.#status = status;
  }

  /**
   * Sets the media duration once it is known (e.g. from the media's metadata); allowed before
   * playback starts.
   *
   * @param duration - the duration in ms, or `null` for unknown
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) after `start`
   * @throws {@link SessionError} `INVALID_SESSION_ARGUMENT` when the duration is negative or not finite
   */
  setDuration(duration: number | null): void {
    if (this.#status !== 'created' && this.#status !== 'loading') {
      throw new IllegalTransitionError(this.#status, this.#status, 'setDuration', ['created', 'loading']);
    }
    this.#tracker = new QuartileTracker({ duration, progressOffsets: this.#tracker.progressOffsets });
    this.#offsetsJson = undefined;
  }

  /**
   * Logs the impression. Allowed before the end (created, loading, playing, paused).
   *
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) in a terminal status
   */
  impression(): PlaybackEventOf<'impression'> {
    return this.#basic('impression');
  }

  /**
   * Logs creativeView. Allowed before the end.
   *
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) in a terminal status
   */
  creativeView(): PlaybackEventOf<'creativeView'> {
    return this.#basic('creativeView');
  }

  /**
   * Starts playback: `created` or `loading` to `playing`; logs `start`.
   *
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) in any other status
   */
  start(): PlaybackEventOf<'start'> {
    return this.#basic('start');
  }

  /**
   * Reports the playhead while playing; logs the quartiles and progress offsets newly crossed, in
   * media order (see {@link QuartileTracker}).
   *
   * @param position - the media position in ms
   * @returns the logged events (often none)
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) unless `playing`
   * @throws {@link SessionError} `INVALID_SESSION_ARGUMENT` when `position` is negative or not finite
   */
  updatePosition(position: number): PlaybackEvent[] {
    if (this.#status !== 'playing') {
      throw new IllegalTransitionError(this.#status, this.#status, 'updatePosition', ['playing']);
    }
    const clockTime = this.#now();
    const crossed = this.#tracker.update(position);
    this.#position = position + 0;
    const logged: PlaybackEvent[] = [];
    for (const mark of crossed) {
      const event: PlaybackEvent =
        mark.type === 'progress'
          ? Object.freeze({ type: 'progress', mediaTime: this.#position, clockTime, offset: mark.offset })
          : Object.freeze({ type: mark.type, mediaTime: this.#position, clockTime });
      this.#events.push(event);
      logged.push(event);
    }
    return logged;
  }

  /**
   * Pauses: `playing` to `paused`.
   *
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) unless `playing`
   */
  pause(): PlaybackEventOf<'pause'> {
    return this.#basic('pause');
  }

  /**
   * Resumes: `paused` to `playing`.
   *
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) unless `paused`
   */
  resume(): PlaybackEventOf<'resume'> {
    return this.#basic('resume');
  }

  /**
   * Logs mute. Allowed before the end.
   *
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) in a terminal status
   */
  mute(): PlaybackEventOf<'mute'> {
    return this.#basic('mute');
  }

  /**
   * Logs unmute. Allowed before the end.
   *
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) in a terminal status
   */
  unmute(): PlaybackEventOf<'unmute'> {
    return this.#basic('unmute');
  }

  /**
   * Completes: `playing` to `completed`. With a known duration the playhead first moves to the
   * end, so quartiles not yet logged are logged before `complete`.
   *
   * @returns the logged `complete` event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) unless `playing`
   */
  complete(): PlaybackEventOf<'complete'> {
    nextStatus(this.#status, 'complete');
    const duration = this.#tracker.duration;
    if (duration !== null && this.#position < duration) this.updatePosition(duration);
    return this.#basic('complete');
  }

  /**
   * The viewer skipped: `playing` or `paused` to `stopped`.
   *
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) in any other status
   */
  skip(): PlaybackEventOf<'skip'> {
    return this.#basic('skip');
  }

  /**
   * The viewer closed the ad: any non-terminal status to `stopped`.
   *
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) in a terminal status
   */
  close(): PlaybackEventOf<'close'> {
    return this.#basic('close');
  }

  /**
   * The player stopped the ad: any non-terminal status to `stopped`.
   *
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) in a terminal status
   */
  stop(): PlaybackEventOf<'stop'> {
    return this.#basic('stop');
  }

  /**
   * Playback was cut off from outside: any non-terminal status to `interrupted`.
   *
   * @param details - the interruption type and the reason
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) in a terminal status
   * @throws {@link SessionError} `INVALID_SESSION_ARGUMENT` when the type or reason is not a string
   */
  interrupt(details: { readonly type: string; readonly reason: string }): InterruptionPlaybackEvent {
    requireObject(details, 'interruption details');
    const interruptionType = requireString(details.type, 'interruption type', false);
    const reason = requireString(details.reason, 'interruption reason', true);
    const status = nextStatus(this.#status, 'interruption');
    return this.#push(
      Object.freeze({ type: 'interruption', mediaTime: this.#position, clockTime: this.#now(), interruptionType, reason }),
      status,
    );
  }

  /**
   * Playback failed: any non-terminal status to `failed`; logs `error` with the IAB code.
   *
   * @param details - the IAB VAST error code (100 to 902) and an optional message
   * @returns the logged event
   * @throws {@link IllegalTransitionError} (code `ILLEGAL_TRANSITION`) in a terminal status
   * @throws {@link SessionError} `INVALID_SESSION_ARGUMENT` when the code is not an integer from 100
   *   to 902 (`isVastErrorCode` of `@vast/error-codes`), or the message is neither a string nor absent
   *   (`undefined` or `null`)
   */
  fail(details: { readonly code: number; readonly message?: string }): ErrorPlaybackEvent {
    const { code, message = null } = requireObject(details, 'failure details') as { code: number; message?: string | null };
    if (!isVastErrorCode(code)) {
      throw new SessionError('INVALID_SESSION_ARGUMENT', `IAB error code must be an integer from 100 to 902, got ${String(code)}`);
    }
    if (message !== null && typeof message !== 'string') throw new SessionError('INVALID_SESSION_ARGUMENT', `failure message must be a string, got ${String(message)}`);
    const status = nextStatus(this.#status, 'error');
    return this.#push(
      Object.freeze({ type: 'error', mediaTime: this.#position, clockTime: this.#now(), code, message }),
      status,
    );
  }

  /**
   * The session as JSON (format version {@link SESSION_JSON_VERSION}, see
   * {@link PlaybackSessionJson}); `JSON.stringify(session)` calls it. Keys come in a fixed order,
   * so equal sessions give equal bytes. Each event is encoded once, when first written, and reused.
   *
   * @returns the plain JSON object (its arrays are copies; the tuples in them are frozen)
   */
  toJSON(): PlaybackSessionJson {
    const events = this.#events;
    const encoded = this.#eventsJson;
    for (let i = encoded.length; i < events.length; i++) encoded.push(encodeEvent(events[i] as PlaybackEvent, this.#createdAt));
    this.#offsetsJson ??= Object.freeze(this.#tracker.progressOffsets.map(encodeOffset));
    return {
      version: SESSION_JSON_VERSION,
      id: this.id,
      adId: this.adId,
      creativeId: this.creativeId,
      provider: this.provider,
      mode: this.mode,
      config: this.#config,
      createdAt: this.#createdAt,
      loadedAt: this.#loadedAt,
      duration: this.#tracker.duration,
      position: this.#position,
      offsets: this.#offsetsJson,
      events: encoded.slice(),
    };
  }

  /**
   * The session's JSON text: exactly `JSON.stringify(session)`, written directly. The config's
   * text is written once and kept (with a {@link ConfigSnapshotCache}, it is the cache's one text,
   * shared by every session with that config, so a restored session never writes it); the rest is
   * written each time and not kept, so saving adds nothing to what a session holds.
   *
   * @returns the JSON text (format version {@link SESSION_JSON_VERSION})
   */
  toJSONText(): string {
    const events = this.#events;
    const createdAt = this.#createdAt;
    // Only the config's text is kept (shared through a ConfigSnapshotCache): the rest is written
    // again each time, as keeping it would double what a session holds (V8 keeps a string built
    // piece by piece as all its pieces), and writing a dozen short tuples costs little.
    let eventsText = '';
    for (let i = 0; i < events.length; i++) eventsText += (i === 0 ? '' : ',') + eventJsonText(events[i] as PlaybackEvent, createdAt);
    const head = sessionHeadJsonText({
      version: SESSION_JSON_VERSION,
      id: this.id,
      adId: this.adId,
      creativeId: this.creativeId,
      provider: this.provider,
      mode: this.mode,
    });
    // JSON.stringify writes a flat string; with a config cache, it is the one text all share.
    const configText = (this.#configText ??= JSON.stringify(this.#config));
    const loadedAt = this.#loadedAt;
    const duration = this.#tracker.duration;
    return (
      `${head}${configText},"createdAt":${createdAt},"loadedAt":${loadedAt === null ? 'null' : loadedAt}` +
      `,"duration":${duration === null ? 'null' : duration},"position":${this.#position},"offsets":${offsetsJsonText(this.#tracker.progressOffsets)}` +
      `,"events":[${eventsText}]}`
    );
  }

  #basic<T extends BasicPlaybackEventType>(type: T): PlaybackEventOf<T> {
    const status = nextStatus(this.#status, type);
    const event = Object.freeze({ type, mediaTime: this.#position, clockTime: this.#now() });
    return this.#push(event as PlaybackEventOf<T>, status);
  }

  /**
   * The clock's time, never before the last time the session logged: a wall clock may step back
   * (NTP), and a session restored on another machine reads another clock; its log must still only
   * go forward, or no session could have written it (and fromJSON would refuse it).
   */
  #now(): number {
    const now = this.#time.now();
    if (!Number.isFinite(now)) throw new SessionError('INVALID_SESSION_ARGUMENT', `the clock returned ${String(now)}, not a time in epoch ms`);
    if (now < this.#lastClock) return this.#lastClock;
    this.#lastClock = now + 0;
    return this.#lastClock;
  }

  #push<E extends PlaybackEvent>(event: E, status: PlaybackStatus): E {
    this.#events.push(event);
    this.#status = status;
    return event;
  }
}
