import { BaseVastPlayer, PlayerError, type BaseVastPlayerOptions } from '@vast/player-core';
import { RealtimeTimeProvider, type TimeProvider } from '@vast/time';
import type { BeaconTransport } from '@vast/tracker';
import { PlaybackScheduler, type ScheduledTask } from './playback-scheduler.js';

/**
 * What moves the playhead of a {@link VastPlayer}:
 * - `clock`: the wall clock, from start (pauses stop it);
 * - `reported`: the caller, with {@link VastPlayer.reportProgress} (a device reporting its
 *   playhead, or an SSAI stitcher that sees the segment requests).
 */
export type ProgressSource = 'clock' | 'reported';

/** Options of {@link VastPlayer}. */
export interface VastPlayerOptions extends BaseVastPlayerOptions {
  /** Where beacons go: an `HttpBeaconTransport` of `@vast/tracker` to send them. */
  readonly transport: BeaconTransport;
  /**
   * The scheduler the player's timed work runs on. Share one between every player of a process.
   * The player reads due times on its own clock and the scheduler waits on its clock, so they must
   * be the same: without `time` the player takes `scheduler.time`.
   * @defaultValue a scheduler of this player's own, on its clock
   */
  readonly scheduler?: PlaybackScheduler;
  /**
   * What moves the playhead (see {@link ProgressSource}).
   * @defaultValue `'clock'`
   */
  readonly progress?: ProgressSource;
}

/**
 * Plays an ad in real time for a real viewer. With `progress: 'clock'` the playhead follows the
 * wall clock from start, and each quartile, progress offset and the end are handled at their exact
 * due time: the player asks the session where the next mark lies and schedules one task for it on
 * the shared {@link PlaybackScheduler} (no polling tick, so a beacon is late only by the timer's and
 * the event loop's own delay). Pause stops the ad clock; resume restarts it.
 *
 * With `progress: 'reported'` the caller drives the playhead with
 * {@link VastPlayer.reportProgress}; reports may repeat, come out of order or jump ahead (segment
 * prefetch): each beacon still fires once, in media order.
 *
 * Either way the session ends at `maxSessionDurationMs` of the config at the latest (logged as
 * stop), so a device that stops reporting never leaves a session open.
 *
 * @example
 * ```ts
 * const scheduler = new PlaybackScheduler();
 * const transport = new HttpBeaconTransport({ timeoutMs: 2_000 });
 * const player = new VastPlayer({ ad: resolution.ads[0], config, transport, scheduler });
 * player.on('playback', ({ event }) => console.log(event.type));
 * const { session } = await player.play();
 * ```
 */
export class VastPlayer extends BaseVastPlayer {
  /** What moves the playhead. */
  readonly progressSource: ProgressSource;
  readonly #scheduler: PlaybackScheduler;
  // The ad clock: the media position is #base + (monotonic - #playingSince) while playing.
  #base = 0;
  #playingSince: number | null = null;
  // The one task a player has at a time: its next mark, or its deadline if that comes first (the
  // deadline alone while paused or driven by reports). One heap entry per session, not two.
  #task: ScheduledTask | undefined;
  #progressDone: (() => void) | undefined;

  /**
   * @param options - the ad, the config, the transport, and the real-time options
   * @throws {@link @vast/player-core!PlayerError} (code `INVALID_PLAYER_OPTIONS`) without a transport, with an
   *   unknown `progress`, or with a `time` that is not the scheduler's clock
   */
  constructor(options: VastPlayerOptions) {
    if (typeof options?.transport?.send !== 'function') {
      throw new PlayerError('INVALID_PLAYER_OPTIONS', 'options.transport is required: a BeaconTransport such as HttpBeaconTransport');
    }
    const progress = options.progress ?? 'clock';
    if (progress !== 'clock' && progress !== 'reported') {
      throw new PlayerError('INVALID_PLAYER_OPTIONS', `options.progress must be 'clock' or 'reported', got ${JSON.stringify(progress)}`);
    }
    const shared = options.scheduler?.time;
    // Due times are read on the player's clock and waited for on the scheduler's: one clock.
    if (shared !== undefined && options.time !== undefined && options.time !== shared && (options.time.kind !== 'realtime' || shared.kind !== 'realtime')) {
      throw new PlayerError('INVALID_PLAYER_OPTIONS', "options.time must be the scheduler's clock (omit it to use scheduler.time)");
    }
    const time = options.time ?? shared;
    super(time === undefined ? options : { ...options, time }, { mode: 'real', transport: options.transport, sessionId: options.sessionId ?? crypto.randomUUID() });
    this.progressSource = progress;
    this.#scheduler = options.scheduler ?? new PlaybackScheduler({ time: this.time });
  }

  /**
   * The wall clock.
   *
   * @returns a new `RealtimeTimeProvider`
   */
  protected defaultTimeProvider(): TimeProvider {
    return new RealtimeTimeProvider();
  }

  /**
   * Reports where the real playhead is (`progress: 'reported'`). Marks up to it fire once, in
   * order; a report behind the furthest one fires nothing; a report at or past the duration
   * completes the ad. Reports before start, while paused or after the end are ignored.
   *
   * @param seconds - the playhead, in seconds from the start of the creative
   * @throws {@link @vast/player-core!PlayerError} with code `ILLEGAL_PLAYER_STATE` when the player follows the
   *   clock, or `INVALID_ARGUMENT` when `seconds` is not a finite number of at least 0
   */
  reportProgress(seconds: number): void {
    if (this.progressSource !== 'reported') {
      throw new PlayerError('ILLEGAL_PLAYER_STATE', "reportProgress() needs a player made with progress: 'reported'");
    }
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      throw new PlayerError('INVALID_ARGUMENT', `reportProgress(seconds): expected a finite number >= 0, got ${String(seconds)}`);
    }
    this.advanceTo(seconds * 1000);
  }

  protected runProgress(): Promise<void> {
    if (this.progressSource === 'clock') {
      this.#playingSince = this.time.monotonic();
      this.#base = 0;
    }
    this.advanceTo(0);
    this.#reschedule();
    if (this.session.ended) {
      this.onEnded();
      return Promise.resolve();
    }
    return new Promise((resolve) => (this.#progressDone = resolve));
  }

  protected override onEnded(): void {
    this.#task?.cancel();
    this.#task = undefined;
    this.#progressDone?.();
  }

  protected override onPaused(): void {
    if (this.#playingSince === null) return;
    this.#base = this.#clockPosition();
    this.#playingSince = null;
    this.#reschedule();
  }

  protected override onResumed(): void {
    if (this.progressSource !== 'clock') return;
    this.#playingSince = this.time.monotonic();
    this.#reschedule();
  }

  protected override syncPosition(): void {
    if (this.#playingSince !== null && this.status === 'playing') this.advanceTo(this.#clockPosition());
  }

  #clockPosition(): number {
    return this.#playingSince === null ? this.#base : this.#base + (this.time.monotonic() - this.#playingSince);
  }

  #reschedule(): void {
    this.#task?.cancel();
    this.#task = undefined;
    if (this.session.ended) return;
    let due = this.deadlineMonotonic;
    if (this.#playingSince !== null && this.status === 'playing') {
      due = Math.min(due, this.#playingSince + (this.nextStop(this.session.position) - this.#base));
    }
    if (Number.isFinite(due)) this.#task = this.#scheduler.schedule(due, this.#wake);
  }

  readonly #wake = (): void => {
    this.#task = undefined;
    if (this.session.ended) return;
    if (this.time.monotonic() >= this.deadlineMonotonic) {
      this.endAtDeadline();
      return;
    }
    if (this.status === 'playing') this.advanceTo(this.#clockPosition());
    this.#reschedule();
  };
}
