import type { PlaybackEvent, PlaybackSession } from '@vast/session';
import type { Beacon, MacroContext, Tracker } from '@vast/tracker';

/** Options of {@link TrackedPlayback}. */
export interface TrackedPlaybackOptions {
  /** The session: it decides every transition and every mark, and logs them. */
  readonly session: PlaybackSession;
  /** The tracker: it fires the beacons of what the session logged. */
  readonly tracker: Tracker;
  /**
   * Whether quartile and complete beacons are sent (the config's `playback.trackQuartiles`); the
   * session logs the quartiles either way.
   * @defaultValue `true`
   */
  readonly trackQuartiles?: boolean;
  /**
   * Whether `progress` beacons are sent (the config's `playback.trackProgress`).
   * @defaultValue `true`
   */
  readonly trackProgress?: boolean;
  /** Called with each event the session logs, after its beacons were handed to the transport. */
  readonly onEvent?: (event: PlaybackEvent) => void;
}

/**
 * A session and its tracker moved together, so that the log and the beacons cannot disagree: each
 * call first asks the session (which checks the transition and throws `IllegalTransitionError`
 * without changing anything when it is not allowed), then fires the beacons of exactly what the
 * session logged. Quartiles and progress offsets are decided by the session's `QuartileTracker`
 * alone; the tracker follows with `reached()`.
 *
 * @example
 * ```ts
 * const playback = new TrackedPlayback({ session, tracker });
 * playback.load();
 * playback.impression();
 * playback.start();
 * playback.advance(16_000); // logs and fires firstQuartile and midpoint
 * playback.complete(); // thirdQuartile, then complete
 * ```
 */
export class TrackedPlayback {
  /** The session. */
  readonly session: PlaybackSession;
  /** The tracker. */
  readonly tracker: Tracker;
  readonly #trackQuartiles: boolean;
  readonly #trackProgress: boolean;
  readonly #onEvent: ((event: PlaybackEvent) => void) | undefined;

  /**
   * @param options - the session, the tracker, what to track and who to tell
   */
  constructor(options: TrackedPlaybackOptions) {
    this.session = options.session;
    this.tracker = options.tracker;
    this.#trackQuartiles = options.trackQuartiles ?? true;
    this.#trackProgress = options.trackProgress ?? true;
    this.#onEvent = options.onEvent;
  }

  /** Loading starts (no beacon). */
  load(): void {
    this.session.load();
  }

  /** Logs the impression and fires the Impression URLs of every level together. */
  impression(): void {
    this.#tell(this.session.impression(), 'impression');
  }

  /** Logs and fires creativeView. */
  creativeView(): void {
    this.#tell(this.session.creativeView(), 'creativeView');
  }

  /** Logs and fires start. */
  start(): void {
    this.#tell(this.session.start(), 'start');
  }

  /**
   * Reports the playhead: the session logs the quartiles and progress offsets newly reached, in
   * media order, and their beacons fire in the same order.
   *
   * @param position - the media position in ms
   */
  advance(position: number): void {
    const logged = this.session.updatePosition(position);
    for (const event of logged) {
      if (event.type === 'progress') {
        if (this.#trackProgress) this.tracker.reached({ type: 'progress', offset: event.offset }, this.#at(event.mediaTime));
      } else if (event.type === 'firstQuartile' || event.type === 'midpoint' || event.type === 'thirdQuartile') {
        if (this.#trackQuartiles) this.tracker.reached({ type: event.type }, this.#at(event.mediaTime));
      }
      this.#onEvent?.(event);
    }
  }

  /** Plays to the end: the quartiles not yet reached, then complete. */
  complete(): void {
    const duration = this.session.duration;
    if (this.session.status === 'playing' && duration !== null && this.session.position < duration) this.advance(duration);
    const event = this.session.complete();
    if (this.#trackQuartiles) this.tracker.track('complete', this.#at(event.mediaTime));
    this.#onEvent?.(event);
  }

  /** Logs and fires pause. */
  pause(): void {
    this.#tell(this.session.pause(), 'pause');
  }

  /** Logs and fires resume. */
  resume(): void {
    this.#tell(this.session.resume(), 'resume');
  }

  /** Logs and fires mute, when not muted already (a repeated mute changes nothing). */
  mute(): void {
    if (!this.session.muted) this.#tell(this.session.mute(), 'mute');
    else if (this.session.ended) this.session.mute(); // throws the transition error
  }

  /** Logs and fires unmute, when muted (an unmute that changes nothing is not logged). */
  unmute(): void {
    if (this.session.muted) this.#tell(this.session.unmute(), 'unmute');
    else if (this.session.ended) this.session.unmute(); // throws the transition error
  }

  /** Logs and fires skip (the session ends `stopped`). */
  skip(): void {
    this.#tell(this.session.skip(), 'skip');
  }

  /**
   * Logs close; once the ad has started, also fires `closeLinear` and `close` (VAST 3+ and VAST 2
   * spell it differently). Closed before it started, the ad fires nothing.
   */
  close(): void {
    const started = this.session.status === 'playing' || this.session.status === 'paused';
    const event = this.session.close();
    if (started) {
      const context = this.#at(event.mediaTime);
      this.tracker.track('closeLinear', context);
      this.tracker.track('close', context);
    }
    this.#onEvent?.(event);
  }

  /** Logs stop: the player ended the ad (VAST has no beacon for it). */
  stop(): void {
    this.#onEvent?.(this.session.stop());
  }

  /**
   * Logs an interruption that ends the ad (no beacon: the viewer went away).
   *
   * @param type - the interruption type
   * @param reason - why, in words
   */
  interrupt(type: string, reason: string): void {
    this.#onEvent?.(this.session.interrupt({ type, reason }));
  }

  /**
   * Fails the ad: logs the error and fires the Error URLs of every level with `[ERRORCODE]`.
   *
   * @param code - the IAB VAST error code
   * @param message - what went wrong
   * @returns the error beacons
   */
  fail(code: number, message: string): readonly Beacon[] {
    const event = this.session.fail({ code, message });
    const beacons = this.tracker.error(code, this.#at(event.mediaTime));
    this.#onEvent?.(event);
    return beacons;
  }

  #tell(event: PlaybackEvent, name: string): void {
    this.tracker.track(name, this.#at(event.mediaTime));
    this.#onEvent?.(event);
  }

  // The tracker adds the session's own macro values (device, asset URI...) to these.
  #at(position: number): MacroContext {
    return { adPlayheadMs: position };
  }
}
