import type { ResolvedConfig } from '@vast/config';
import type { InlineAd, LinearCreative, MediaFile } from '@vast/parser';
import { PlaybackSession, isSessionError, type ConfigSnapshotCache, type JsonValue, type PlaybackEvent, type PlaybackStatus, type SessionMode } from '@vast/session';
import type { TimeProvider } from '@vast/time';
import {
  MacroExpander,
  Tracker,
  mergeMacroContexts,
  type BeaconRequestContext,
  type BeaconTransport,
  type MacroContext,
  type RandomSource,
} from '@vast/tracker';
import { checkAd, expiryProblem, type AdProblem, type PlayableCreative } from './ad-validation.js';
import { creativeIdOf } from './creative-id.js';
import { CtvMediaFilePolicy, type MediaFilePolicy } from './media-file-policy.js';
import { prepareAd, type PlayableAd, type PreparedAd } from './playable-ad.js';
import type { PlaybackResult } from './playback-result.js';
import { PlayerError } from './player-error.js';
import { PlayerEvents, type PlayerEvent, type PlayerEventType, type PlayerListener } from './player-events.js';
import type { PlayerInterruption } from './player-interruption.js';
import { TrackedPlayback } from './tracked-playback.js';

/** What every player takes. */
export interface BaseVastPlayerOptions {
  /**
   * The ad: a `ResolvedAd` of `@vast/client` (any object of that shape), a parsed `InlineAd`, or
   * either prepared once with `prepareAd` to play it many times.
   */
  readonly ad: PlayableAd;
  /** The resolved config (`ConfigResolver.resolve` of `@vast/config`). */
  readonly config: ResolvedConfig;
  /** The clock. @defaultValue the player's own (see {@link BaseVastPlayer.defaultTimeProvider}) */
  readonly time?: TimeProvider;
  /** The session id. @defaultValue made by the player */
  readonly sessionId?: string;
  /** The provider profile name recorded in the session. @defaultValue `'global'` */
  readonly provider?: string;
  /**
   * Macro values of the whole session: device IP and user agent, IFA, pod position... They win
   * over the values the ad itself provides (`[UNIVERSALADID]`, `[ADSERVINGID]`, `[ASSETURI]`,
   * `[PODSEQUENCE]`).
   * @defaultValue none
   */
  readonly macros?: MacroContext;
  /** The device the beacons are sent for (SSAI `X-Device-*` headers). @defaultValue none */
  readonly requestContext?: BeaconRequestContext;
  /**
   * A macro expander to share between sessions (URLs are compiled once).
   * @defaultValue one made from the config's `tracker.macroSyntaxes` and `tracker.staticMacros`
   */
  readonly expander?: MacroExpander;
  /** Chooses the media file. @defaultValue a {@link CtvMediaFilePolicy} with its defaults */
  readonly mediaFilePolicy?: MediaFilePolicy;
  /**
   * When the ad arrived (epoch ms), for `<Expires>`, compared with the player's clock. A simulated
   * clock that starts before it (the headless default starts in 2025) counts the ad as played
   * the moment it arrived, so it is fresh: pass `time` or `receivedAt` on one clock to test expiry.
   * @defaultValue the end of the last fetch of a resolved ad's `chain`; none for a bare `InlineAd`
   */
  readonly receivedAt?: number;
  /** Where sessions with equal configs share one snapshot. @defaultValue none */
  readonly configCache?: ConfigSnapshotCache;
  /** Stops the playback: the session ends `stopped` and nothing fires after it. */
  readonly signal?: AbortSignal;
  /**
   * Whether the result lists every beacon's outcome (`PlaybackResult.outcomes`). Turn it off on a
   * server with many concurrent sessions that takes outcomes from the `beacon` event instead:
   * nothing of a beacon then stays in memory once its outcome is known.
   * @defaultValue `true`
   */
  readonly keepOutcomes?: boolean;
  /**
   * Facts about this playback to keep in the session's config snapshot under `player` (with the
   * player's own, such as `beacons` of the headless player): e.g. how the player was chosen.
   * @defaultValue none
   */
  readonly record?: Readonly<Record<string, JsonValue>>;
}

/** What a subclass decides for the base: the session's mode, the transport and the like. */
export interface PlayerSettings {
  /** `real` or `headless`, recorded in the session. */
  readonly mode: SessionMode;
  /** Where the beacons go. */
  readonly transport: BeaconTransport;
  /** The session id. */
  readonly sessionId: string;
  /** Facts about this playback recorded in the session's config snapshot under `player`. */
  readonly record?: Readonly<Record<string, JsonValue>>;
  /** The random source of `[CACHEBUSTING]` when the player makes the expander. @defaultValue the system's */
  readonly random?: RandomSource;
}

const TERMINAL_EVENTS: ReadonlySet<string> = new Set(['complete', 'skip', 'close', 'stop', 'interruption', 'error']);

/** The reason the end signal carries (made once: a DOMException per session costs). */
const ENDED = new Error('the session ended');

/** The IAB code of a failure of the player itself (an exception in a progress loop). */
const UNDEFINED_ERROR = 900;

// Stateless: one for every player that does not bring its own.
const DEFAULT_MEDIA_FILE_POLICY = new CtvMediaFilePolicy();

/**
 * The playback template shared by the real-time and the headless players. `play()` runs the steps
 * every player shares and calls the ones a subclass supplies:
 *
 * 1. Validate: `<Expires>`, a linear creative (else 201), a usable duration (else 202), a media
 *    file the {@link MediaFilePolicy} accepts (else 403). A failure fires the Error URLs of every
 *    level with the code and ends the session `failed`; nothing else fires.
 * 2. The impressions of every level together, then creativeView and start.
 * 3. The progress loop ({@link BaseVastPlayer.runProgress}, the subclass's): it moves the playhead
 *    with {@link BaseVastPlayer.advanceTo}; the session decides which quartiles and progress
 *    offsets are reached, and their beacons fire in order, once each.
 * 4. The end: complete at 100%, or skip, close, stop, an interruption, or a failure. Terminal is
 *    terminal: nothing fires after it.
 *
 * The controls (`pause`, `resume`, `stop`, `mute`, `unmute`, `skip`, `close`, `interrupt`) and the
 * signal work at any time; a control the state does not allow throws a {@link PlayerError}.
 */
export abstract class BaseVastPlayer {
  readonly #config: ResolvedConfig;
  readonly #time: TimeProvider;
  readonly #ad: PreparedAd;
  readonly #checked: PlayableCreative | AdProblem;
  readonly #receivedAt: number | undefined;
  readonly #session: PlaybackSession;
  readonly #tracker: Tracker;
  readonly #playback: TrackedPlayback;
  readonly #events = new PlayerEvents();
  // Made on first use: most sessions are never interrupted and never paused.
  #interruptions: PlayerInterruption[] | undefined;
  // Made on first use: most headless sessions never wait, and an abort is not free.
  #end: AbortController | undefined;
  readonly #signal: AbortSignal | undefined;
  // The signal's listener; made only for a player that has a signal.
  #onAbort: (() => void) | undefined;
  readonly #createdMonotonic: number;
  #resumeWaiters: (() => void)[] | undefined;
  // Whether the tracker's outcomes are forwarded as `beacon` events (hooked on the first subscriber).
  #forwardingOutcomes = false;
  #played = false;
  #muteAtStart = false;
  #lastTick = 0;

  /**
   * @param options - the ad, the config and the rest (see {@link BaseVastPlayerOptions})
   * @param settings - what the subclass decided: mode, transport, session id, record
   * @throws {@link PlayerError} (code `INVALID_PLAYER_OPTIONS`) when the ad or the config is missing
   */
  protected constructor(options: BaseVastPlayerOptions, settings: PlayerSettings) {
    if (typeof options !== 'object' || options === null || typeof options.ad !== 'object' || options.ad === null) {
      throw new PlayerError('INVALID_PLAYER_OPTIONS', 'options.ad is required: a ResolvedAd of @vast/client or a parsed InlineAd');
    }
    if (typeof options.config !== 'object' || options.config === null || typeof options.config.playback !== 'object') {
      throw new PlayerError('INVALID_PLAYER_OPTIONS', 'options.config is required: a ResolvedConfig from ConfigResolver.resolve()');
    }
    this.#config = options.config;
    this.#time = options.time ?? this.defaultTimeProvider();
    this.#createdMonotonic = this.#time.monotonic();
    this.#ad = prepareAd(options.ad);
    this.#receivedAt = options.receivedAt ?? this.#ad.receivedAt;
    this.#checked = checkAd(this.#ad.inline, options.mediaFilePolicy ?? DEFAULT_MEDIA_FILE_POLICY);
    const linear = this.#ad.inline.creatives.find((c): c is LinearCreative => c.type === 'linear');
    const playable = 'creative' in this.#checked ? this.#checked : undefined;
    const { playback } = this.#config;
    const record = options.record === undefined ? settings.record : { ...options.record, ...settings.record };
    this.#session = new PlaybackSession({
      id: settings.sessionId,
      adId: this.#ad.inline.id ?? '',
      creativeId: linear === undefined ? null : creativeIdOf(linear),
      provider: options.provider ?? 'global',
      mode: settings.mode,
      config: record === undefined ? this.#config : { ...this.#config, player: record },
      duration: playable?.durationMs ?? null,
      progressOffsets: playback.trackProgress ? this.#ad.progressOffsets : [],
      time: this.#time,
      configCache: options.configCache,
    });
    // The ad's own macro values are computed once per prepared ad; only the asset differs by policy.
    const adValues: MacroContext = playable === undefined ? { values: this.#ad.macroValues } : { values: this.#ad.macroValues, assetUri: playable.mediaFile.url };
    this.#signal = options.signal;
    this.#tracker = new Tracker({
      tracking: this.#ad.tracking,
      transport: settings.transport,
      time: this.#time,
      expander:
        options.expander ??
        new MacroExpander({
          time: this.#time,
          macroSyntaxes: this.#config.tracker.macroSyntaxes,
          staticMacros: this.#config.tracker.staticMacros,
          ...(settings.random === undefined ? {} : { random: settings.random }),
        }),
      context: options.macros === undefined ? adValues : mergeMacroContexts(adValues, options.macros),
      requestContext: options.requestContext,
      signal: options.signal,
      keepOutcomes: options.keepOutcomes,
    });
    this.#playback = new TrackedPlayback({
      session: this.#session,
      tracker: this.#tracker,
      trackQuartiles: playback.trackQuartiles,
      trackProgress: playback.trackProgress,
      onEvent: (event) => this.#logged(event),
    });
    if (this.#signal !== undefined) {
      this.#onAbort = () => this.#abortNow();
      this.#signal.addEventListener('abort', this.#onAbort, { once: true });
    }
  }

  /**
   * The clock a player uses when the caller passes none. Called from the base constructor, so it
   * must not read the subclass's own fields.
   *
   * @returns a new time provider
   */
  protected abstract defaultTimeProvider(): TimeProvider;

  /**
   * The progress loop: moves the playhead with {@link BaseVastPlayer.advanceTo} until the session
   * ends (complete at the duration, or any other end). Called once, after start.
   *
   * @returns when the session has ended
   */
  protected abstract runProgress(): Promise<void>;

  /** Called after a pause, whoever asked for it (a control, an interruption). */
  protected onPaused(): void {
    // Nothing by default: a clock-driven player stops its clock here.
  }

  /** Called after a resume. */
  protected onResumed(): void {
    // Nothing by default: a clock-driven player restarts its clock here.
  }

  /** Called once when the session ends, whoever ended it (before `play()` settles its beacons). */
  protected onEnded(): void {
    // Nothing by default: a player with timers cancels them here.
  }

  /** Brings the session's playhead up to date before a control acts (a clock-driven player reads its clock). */
  protected syncPosition(): void {
    // Nothing by default: the playhead is already where the loop put it.
  }

  // ---- what callers see ----

  /** The session: its log is the truth of what happened. */
  get session(): PlaybackSession {
    return this.#session;
  }

  /** The current status of the session. */
  get status(): PlaybackStatus {
    return this.#session.status;
  }

  /** The inline ad this player plays. */
  get ad(): InlineAd {
    return this.#ad.inline;
  }

  /** The media file chosen, or `null` when none is playable. */
  get mediaFile(): MediaFile | null {
    return 'mediaFile' in this.#checked ? this.#checked.mediaFile : null;
  }

  /** Where the ad becomes skippable (ms), or `null` when it is not skippable. */
  get skippableAt(): number | null {
    const offset = 'creative' in this.#checked ? this.#checked.creative.skipOffset : undefined;
    if (offset === undefined) return null;
    return offset.type === 'time' ? offset.seconds * 1000 : (this.durationMs * offset.percent) / 100;
  }

  /** The interruptions so far. */
  get interruptions(): readonly PlayerInterruption[] {
    return this.#interruptions === undefined ? [] : this.#interruptions.slice();
  }

  /**
   * Plays the ad (see the class description for the steps). Problems with the ad do not reject:
   * the result's status is `failed` and the session says why.
   *
   * @returns the result, once the ad ended and every beacon has an outcome
   * @throws {@link PlayerError} (code `ILLEGAL_PLAYER_STATE`) when called a second time
   */
  async play(): Promise<PlaybackResult> {
    if (this.#played) throw new PlayerError('ILLEGAL_PLAYER_STATE', 'play() was already called: a player plays its ad once');
    this.#played = true;
    if (this.#signal?.aborted === true) this.#abortNow();
    if (!this.#session.ended) {
      try {
        const progress = this.#run();
        if (progress !== undefined) await progress;
      } catch (error) {
        // A control or the signal may end the session while a step runs: that is no failure.
        if (!this.#session.ended) this.#playback.fail(UNDEFINED_ERROR, `the player failed: ${(error as Error).message ?? String(error)}`);
      }
    }
    const outcomes = await this.#tracker.settled();
    if (this.#onAbort !== undefined) this.#signal?.removeEventListener('abort', this.#onAbort);
    const result: PlaybackResult = {
      ad: this.#ad.inline,
      session: this.#session,
      status: this.#session.status,
      mediaFile: this.mediaFile,
      outcomes,
      interruptions: this.interruptions,
    };
    this.#events.emit({ type: 'ended', result });
    return result;
  }

  /**
   * Subscribes to one type of event.
   *
   * @param type - `playback`, `beacon`, `timeupdate`, `interruption` or `ended`
   * @param listener - called with each event of that type (an exception it throws is ignored)
   * @returns a function that unsubscribes
   * @example
   * ```ts
   * player.on('playback', ({ event }) => console.log(event.type, event.mediaTime));
   * ```
   */
  on<T extends PlayerEventType>(type: T, listener: PlayerListener<T>): () => void {
    if (type === 'beacon') this.#forwardOutcomes();
    return this.#events.on(type, listener);
  }

  /**
   * The events from now until `ended` (all but `timeupdate`, which only {@link BaseVastPlayer.on}
   * gives), as an async iterator.
   *
   * @param signal - stops the iteration early
   * @returns the iterator
   * @example
   * ```ts
   * const events = player.events(); // subscribed from here on
   * const done = player.play();
   * for await (const event of events) if (event.type === 'playback') console.log(event.event.type);
   * await done;
   * ```
   */
  events(signal?: AbortSignal): AsyncGenerator<PlayerEvent, void, undefined> {
    this.#forwardOutcomes();
    return this.#events.iterate(signal);
  }

  /**
   * The same as {@link BaseVastPlayer.events} without a signal.
   *
   * @returns the iterator
   */
  [Symbol.asyncIterator](): AsyncGenerator<PlayerEvent, void, undefined> {
    this.#forwardOutcomes();
    return this.#events.iterate();
  }

  /**
   * Pauses: logs and fires pause; the ad clock stops.
   * @throws {@link PlayerError} (code `ILLEGAL_PLAYER_STATE`) unless playing
   */
  pause(): void {
    this.#control('pause', () => {
      this.#playback.pause();
      this.onPaused();
    });
  }

  /**
   * Resumes: logs and fires resume; the ad clock runs again.
   * @throws {@link PlayerError} (code `ILLEGAL_PLAYER_STATE`) unless paused
   */
  resume(): void {
    this.#control('resume', () => {
      this.#playback.resume();
      this.#wakeResumeWaiters();
      this.onResumed();
    });
  }

  /**
   * Mutes: logs and fires mute (only on a real change). Before the ad starts it is remembered, and
   * logged and fired right after start, so no beacon comes before the impression.
   * @throws {@link PlayerError} (code `ILLEGAL_PLAYER_STATE`) after the end
   */
  mute(): void {
    this.#control('mute', () => (this.#started() ? this.#playback.mute() : this.#muteBeforeStart(true)));
  }

  /**
   * Unmutes: logs and fires unmute (only on a real change); before the ad starts, it cancels an
   * earlier mute.
   * @throws {@link PlayerError} (code `ILLEGAL_PLAYER_STATE`) after the end
   */
  unmute(): void {
    this.#control('unmute', () => (this.#started() ? this.#playback.unmute() : this.#muteBeforeStart(false)));
  }

  /** Whether the player is muted (before the ad starts: whether it will start muted). */
  get muted(): boolean {
    return this.#started() ? this.#session.muted : this.#muteAtStart;
  }

  /**
   * Stops the ad (the player's decision): the session ends `stopped`; no beacon.
   * @throws {@link PlayerError} (code `ILLEGAL_PLAYER_STATE`) after the end
   */
  stop(): void {
    this.#control('stop', () => this.#playback.stop());
  }

  /**
   * The viewer closed the ad: logs close, fires closeLinear and close; the session ends `stopped`.
   * @throws {@link PlayerError} (code `ILLEGAL_PLAYER_STATE`) after the end
   */
  close(): void {
    this.#control('close', () => this.#playback.close());
  }

  /**
   * The viewer skipped: allowed once the playhead passed the creative's `skipoffset`. Logs and
   * fires skip; the session ends `stopped`, and complete never fires.
   *
   * @throws {@link PlayerError} with code `NOT_SKIPPABLE` (no `skipoffset`, whatever the state),
   *   `ILLEGAL_PLAYER_STATE` (not playing or paused) or `SKIP_NOT_YET_ALLOWED` (before the offset)
   */
  skip(): void {
    this.#control('skip', () => {
      const at = this.skippableAt;
      if (at === null) throw new PlayerError('NOT_SKIPPABLE', 'the ad has no skipoffset: it cannot be skipped');
      const status = this.#session.status;
      if (status !== 'playing' && status !== 'paused') {
        throw new PlayerError('ILLEGAL_PLAYER_STATE', `skip() is not allowed while the session is ${status}`);
      }
      const position = this.#session.position;
      if (position < at) {
        throw new PlayerError('SKIP_NOT_YET_ALLOWED', `the ad can be skipped from ${at} ms; the playhead is at ${position} ms`);
      }
      this.#playback.skip();
    });
  }

  /**
   * Playback was cut off from outside (the viewer switched channel, the app closed...): the
   * session ends `interrupted`.
   *
   * @param details - the interruption type (an `InterruptionType` of `@vast/config` or your own) and why
   * @throws {@link PlayerError} (code `ILLEGAL_PLAYER_STATE`) after the end
   */
  interrupt(details: { readonly type: string; readonly reason: string }): void {
    this.#control('interrupt', () => {
      this.#playback.interrupt(details.type, details.reason);
      this.recordInterruption({ type: details.type, mediaTime: this.#session.position, clockTime: this.#time.now(), outcome: 'stopped' });
    });
  }

  // ---- for subclasses ----

  /** The clock. */
  protected get time(): TimeProvider {
    return this.#time;
  }

  /** The resolved config. */
  protected get config(): ResolvedConfig {
    return this.#config;
  }

  /** The session and its tracker, moved together. */
  protected get playback(): TrackedPlayback {
    return this.#playback;
  }

  /** The creative's duration in ms (0 when the ad cannot play). */
  protected get durationMs(): number {
    return 'durationMs' in this.#checked ? this.#checked.durationMs : 0;
  }

  /** Aborted when the session ends, whoever ended it: a loop's waits take it. */
  protected get endSignal(): AbortSignal {
    this.#end ??= new AbortController();
    if (this.#session.ended && !this.#end.signal.aborted) this.#end.abort(ENDED);
    return this.#end.signal;
  }

  /**
   * The latest `time.monotonic()` the session may run to (`playback.maxSessionDurationMs` after
   * the player was made), or `Infinity` without a limit.
   */
  protected get deadlineMonotonic(): number {
    const max = this.#config.playback.maxSessionDurationMs;
    return max === 0 ? Number.POSITIVE_INFINITY : this.#createdMonotonic + max;
  }

  /**
   * Where the playhead should next be reported: the next quartile or progress offset, the end,
   * or (while someone listens to `timeupdate`) the next tick of `tickIntervalMs`.
   *
   * @param position - the current position (ms)
   * @returns the next stop (ms), never beyond the duration
   */
  protected nextStop(position: number): number {
    const duration = this.durationMs;
    let next = Math.min(this.#session.nextMarkAt ?? duration, duration);
    if (this.#events.wants('timeupdate')) {
      const tick = this.#config.playback.tickIntervalMs;
      next = Math.min(next, (Math.floor(position / tick) + 1) * tick);
    }
    return next;
  }

  /**
   * Moves the playhead (while playing): logs and fires the marks reached, in order, emits
   * `timeupdate` to its listeners, and completes the ad at the duration.
   *
   * @param position - the media position (ms); beyond the duration counts as the duration
   */
  protected advanceTo(position: number): void {
    if (this.#session.status !== 'playing') return;
    const at = Math.min(position, this.durationMs);
    this.#playback.advance(at);
    if (this.#events.wants('timeupdate')) {
      const tick = this.#config.playback.tickIntervalMs;
      if (Math.floor(at / tick) > Math.floor(this.#lastTick / tick) || at >= this.durationMs) {
        this.#lastTick = at;
        this.#events.emit({ type: 'timeupdate', position: at });
      }
    }
    if (at >= this.durationMs) this.#playback.complete();
  }

  /**
   * Ends the session because it ran past `playback.maxSessionDurationMs`: logs stop.
   */
  protected endAtDeadline(): void {
    if (!this.#session.ended) this.#playback.stop();
  }

  /**
   * Records an interruption and tells the subscribers.
   *
   * @param interruption - what happened
   */
  protected recordInterruption(interruption: PlayerInterruption): void {
    (this.#interruptions ??= []).push(interruption);
    if (this.#events.wants('interruption')) this.#events.emit({ type: 'interruption', interruption });
  }

  /**
   * Waits while the session is paused.
   *
   * @returns when it plays again or has ended
   */
  protected waitWhilePaused(): Promise<void> {
    if (this.#session.status !== 'paused') return Promise.resolve();
    return new Promise((resolve) => (this.#resumeWaiters ??= []).push(resolve));
  }

  // Not async: the synchronous steps need no generator, and the progress loop's promise is returned
  // as it is (one suspended frame per playing session, play()'s, instead of two).
  #run(): Promise<void> | undefined {
    const playback = this.#playback;
    playback.load();
    const problem = expiryProblem(this.#ad.inline, this.#time.now(), this.#receivedAt) ?? ('code' in this.#checked ? this.#checked : undefined);
    if (problem !== undefined) {
      playback.fail(problem.code, problem.message);
      return undefined;
    }
    playback.impression();
    playback.creativeView();
    playback.start();
    if (this.#muteAtStart && this.#session.status === 'playing') playback.mute();
    return this.#session.ended ? undefined : this.runProgress();
  }

  /** Whether the ad has started (or ended): controls then act on the session at once. */
  #started(): boolean {
    const status = this.#session.status;
    return status !== 'created' && status !== 'loading';
  }

  #muteBeforeStart(muted: boolean): void {
    this.#muteAtStart = muted;
  }

  #logged(event: PlaybackEvent): void {
    if (TERMINAL_EVENTS.has(event.type)) {
      this.#end?.abort(ENDED);
      this.#wakeResumeWaiters();
      this.onEnded();
    }
    if (this.#events.wants('playback')) this.#events.emit({ type: 'playback', event });
  }

  // Subscribes to the tracker only once someone listens: a listener per player costs every session.
  #forwardOutcomes(): void {
    if (this.#forwardingOutcomes) return;
    this.#forwardingOutcomes = true;
    this.#tracker.onOutcome((outcome) => {
      if (this.#events.wants('beacon')) this.#events.emit({ type: 'beacon', outcome });
    });
  }

  #wakeResumeWaiters(): void {
    const waiters = this.#resumeWaiters;
    if (waiters === undefined) return;
    this.#resumeWaiters = undefined;
    for (const wake of waiters) wake();
  }

  #abortNow(): void {
    if (!this.#session.ended) this.#playback.stop();
  }

  #control(name: string, act: () => void): void {
    if (!this.#session.ended) this.syncPosition();
    try {
      act();
    } catch (error) {
      if (isSessionError(error) && error.code === 'ILLEGAL_TRANSITION') {
        throw new PlayerError('ILLEGAL_PLAYER_STATE', `${name}() is not allowed while the session is ${this.#session.status}`, { cause: error });
      }
      throw error;
    }
  }
}
