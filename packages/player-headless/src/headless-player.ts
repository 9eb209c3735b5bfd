import { BaseVastPlayer, PlayerError, type BaseVastPlayerOptions } from '@vast/player-core';
import type { PlaybackSessionJson } from '@vast/session';
import { SimulatedTimeProvider, createSeededRandom, type SeededRandom, type TimeProvider } from '@vast/time';
import { NullBeaconTransport, RecordingBeaconTransport, type BeaconTransport } from '@vast/tracker';
import { planInterruptions, type PlannedInterruption, type UnitRandom } from './interruption-plan.js';

/** Options of {@link HeadlessPlayer}. */
export interface HeadlessPlayerOptions extends BaseVastPlayerOptions {
  /**
   * Where beacons go. A transport that sends (anything but a `RecordingBeaconTransport` or a
   * `NullBeaconTransport`) is refused unless the config's `playback.headlessMaySendBeacons` is on:
   * simulated playback must not inflate real campaigns.
   * @defaultValue a new `RecordingBeaconTransport` (a dry run: beacons are kept, not sent)
   */
  readonly transport?: BeaconTransport;
  /**
   * The seed of the interruption model and of `[CACHEBUSTING]`.
   * @defaultValue the config's `playback.seed`
   */
  readonly seed?: number;
  /**
   * A seeded random source to draw from instead of one made from the seed: share one between
   * sessions to make a run of many reproducible from one seed (what `forecastFunnel` does).
   * @defaultValue `createSeededRandom(seed)`
   */
  readonly random?: SeededRandom;
  /**
   * Whether the config's interruption rules apply; `false` plays every ad to its end unless a
   * control or the signal ends it.
   * @defaultValue `true`
   */
  readonly interruptions?: boolean;
}

/** A clock the player can move synchronously: a `SimulatedTimeProvider` (or one shaped like it). */
interface TickableClock extends TimeProvider {
  tick(ms: number): number;
}

function isTickable(time: TimeProvider): time is TickableClock {
  return time.kind === 'simulated' && typeof (time as Partial<TickableClock>).tick === 'function';
}

/** How the session records where the beacons went. */
function beaconsRecord(transport: BeaconTransport | undefined): 'recorded' | 'discarded' | 'sent' {
  if (transport === undefined || transport instanceof RecordingBeaconTransport) return 'recorded';
  return transport instanceof NullBeaconTransport ? 'discarded' : 'sent';
}

/** The transport a headless player uses, after checking that the config allows it. */
function headlessTransport(options: Partial<HeadlessPlayerOptions>): BeaconTransport {
  if (beaconsRecord(options.transport) === 'sent' && options.config?.playback?.headlessMaySendBeacons !== true) {
    throw new PlayerError(
      'BEACONS_NOT_ALLOWED',
      'a headless player was given a transport that sends beacons, but the config does not allow it: set playback.headlessMaySendBeacons to true',
    );
  }
  return options.transport ?? new RecordingBeaconTransport();
}

/** The random source of a player: the caller's, or one made from the call's or the config's seed. */
function headlessRandom(options: Partial<HeadlessPlayerOptions>): SeededRandom {
  if (options.random !== undefined) return options.random;
  const seed = options.seed ?? options.config?.playback?.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw new PlayerError('INVALID_PLAYER_OPTIONS', `options.seed must be an integer, got ${String(seed)}`);
  return createSeededRandom(seed);
}

/**
 * Plays an ad on a simulated clock: a 30-second ad takes microseconds, and the same seed and
 * config always give the same session, byte for byte. Beacons are recorded, not sent, unless the
 * caller passes a sending transport and the config allows it (the session's config snapshot
 * records which under `player.beacons`: `recorded`, `discarded` or `sent`).
 *
 * Interruptions come from the config's rules (`playback.interruptions`) through a seeded model
 * (see `planInterruptions`). Override {@link HeadlessPlayer.shouldInterrupt} and
 * {@link HeadlessPlayer.handleInterruption} to bring your own.
 *
 * @example
 * ```ts
 * const config = new ConfigResolver().resolve('tiger');
 * const player = new HeadlessPlayer({ ad: resolution.ads[0], config, seed: 42 });
 * const { ad, session } = await player.play();
 * console.log(session.status, player.getSessionJson());
 * ```
 */
export class HeadlessPlayer extends BaseVastPlayer {
  /** The seed the random source started from. */
  readonly seed: number;
  readonly #random: SeededRandom;
  readonly #interruptionsOn: boolean;
  #plan: readonly PlannedInterruption[] | undefined;
  #nextPlanned = 0;

  /**
   * @param options - the ad, the config, and the headless options
   * @throws `PlayerError` (of `@vast/player-core`) with code `BEACONS_NOT_ALLOWED` (a sending transport the config
   *   does not allow) or `INVALID_PLAYER_OPTIONS` (no ad or config, or a seed that is not an integer)
   */
  constructor(options: HeadlessPlayerOptions) {
    // Missing options are the base constructor's to report (INVALID_PLAYER_OPTIONS), not a TypeError here.
    const given: Partial<HeadlessPlayerOptions> = typeof options === 'object' && options !== null ? options : {};
    const random = headlessRandom(given);
    super(options, {
      mode: 'headless',
      transport: headlessTransport(given),
      sessionId: given.sessionId ?? `headless-${random.seed}`,
      record: { beacons: beaconsRecord(given.transport), seed: random.seed },
      random,
    });
    this.seed = random.seed;
    this.#random = random;
    this.#interruptionsOn = options.interruptions ?? true;
  }

  /**
   * A simulated clock in auto mode starting at 2025-01-01T00:00:00Z: the player moves it itself,
   * and a pause nobody resumes lets it run to `maxSessionDurationMs`.
   *
   * @returns a new simulated clock
   */
  protected defaultTimeProvider(): TimeProvider {
    return new SimulatedTimeProvider();
  }

  /**
   * The session as JSON text (what `JSON.stringify(session)` gives).
   *
   * @returns the text
   */
  getSessionJson(): string {
    return this.session.toJSONText();
  }

  /**
   * The session as a plain JSON object.
   *
   * @returns the object (format of `PlaybackSessionJson` of `@vast/session`)
   */
  getSessionObject(): PlaybackSessionJson {
    return this.session.toJSON();
  }

  /**
   * Whether an interruption cuts the stretch of playback about to be played. The default looks
   * up the interruptions drawn for this session from the config's rules (once, at the first
   * call); override it to bring your own model.
   *
   * @param window - the stretch: from the current position to the next stop (ms)
   * @returns the interruption, with `at` within the window, or `null` to play on
   */
  protected shouldInterrupt(window: { readonly from: number; readonly to: number }): PlannedInterruption | null {
    this.#plan ??= this.#interruptionsOn ? planInterruptions(this.config.playback.interruptions, this.durationMs, this.random) : [];
    const next = this.#plan[this.#nextPlanned];
    if (next === undefined || next.at >= window.to) return null;
    this.#nextPlanned++;
    return next;
  }

  /**
   * Carries out an interruption. The default: `resumed` pauses (pause beacon), lets the clock run
   * for `resumeAfterMs` (ending the session if that passes `maxSessionDurationMs`), and resumes;
   * `stopped` ends the session `interrupted`; `failed` fires the Error pixels with the rule's
   * code and ends the session `failed`.
   *
   * @param interruption - what to carry out
   * @returns when it is done
   */
  protected async handleInterruption(interruption: PlannedInterruption): Promise<void> {
    const mediaTime = this.session.position;
    const { outcome, type } = interruption;
    switch (outcome.kind) {
      case 'resumed': {
        const resumeAfterMs = interruption.resumeAfterMs ?? 0;
        this.recordInterruption({ type, mediaTime, clockTime: this.time.now(), outcome: 'resumed', resumeAfterMs });
        this.pause();
        if (await this.#runClock(resumeAfterMs)) this.resume();
        return;
      }
      case 'stopped':
        this.recordInterruption({ type, mediaTime, clockTime: this.time.now(), outcome: 'stopped' });
        this.playback.interrupt(type, `simulated ${type}`);
        return;
      case 'failed':
        this.recordInterruption({ type, mediaTime, clockTime: this.time.now(), outcome: 'failed', errorCode: outcome.errorCode });
        this.playback.fail(outcome.errorCode, `simulated ${type}`);
        return;
    }
  }

  /** The seeded random source of this session's draws. */
  protected get random(): UnitRandom {
    return this.#random;
  }

  protected async runProgress(): Promise<void> {
    this.advanceTo(0);
    let position = this.session.position;
    while (!this.session.ended) {
      if (this.status === 'paused') {
        await this.#whilePaused();
        continue;
      }
      const to = this.nextStop(position);
      const interruption = this.shouldInterrupt({ from: position, to });
      const target = interruption === null ? to : Math.min(Math.max(interruption.at, position), to);
      if (!(await this.#runClock(target - position))) return;
      position = target;
      this.advanceTo(position);
      if (interruption !== null && !this.session.ended) await this.handleInterruption(interruption);
      position = this.session.position;
    }
  }

  /**
   * Lets `ms` pass on the clock, or up to the session's deadline and ends it there.
   *
   * @returns `true` when the whole span passed, `false` when the session ended meanwhile
   */
  async #runClock(ms: number): Promise<boolean> {
    const left = this.deadlineMonotonic - this.time.monotonic();
    const span = Math.min(ms, Math.max(left, 0));
    if (span > 0) {
      const time = this.time;
      if (isTickable(time)) time.tick(span);
      else await this.#sleep(span);
    }
    if (ms > left) {
      // The media ran on while the clock did: the playhead is where it got to.
      if (this.status === 'playing') this.advanceTo(this.session.position + span);
      this.endAtDeadline();
      return false;
    }
    return !this.session.ended;
  }

  /** While paused by a control: wait for resume, or let the clock run to the deadline. */
  async #whilePaused(): Promise<void> {
    const left = this.deadlineMonotonic - this.time.monotonic();
    if (left === Number.POSITIVE_INFINITY) return this.waitWhilePaused();
    const stop = new AbortController();
    const timeout = this.#sleep(Math.max(left, 0), stop.signal).then(() => {
      if (this.status === 'paused') this.endAtDeadline();
    });
    await Promise.race([this.waitWhilePaused(), timeout]);
    stop.abort();
  }

  /** Sleeps on the clock; an end of the session (or `extra`) cuts it short without an error. */
  async #sleep(ms: number, extra?: AbortSignal): Promise<void> {
    const signal = extra === undefined ? this.endSignal : AbortSignal.any([this.endSignal, extra]);
    try {
      await this.time.sleep(ms, signal);
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  }
}
