import { abortReason, invalidSleepDuration } from './sleep-arguments.js';
import { ClockBackwardsError, TimeProviderError, TimerLoopLimitError } from './time-provider-error.js';
import type { TimeProvider } from './time-provider.js';

/**
 * How a {@link SimulatedTimeProvider} moves: by itself (`'auto'`, each sleep jumps the clock to
 * the earliest pending wake-up) or only when a test calls `tick`, `tickAsync`, `next` or `runAll`
 * (`'manual'`).
 */
export type SimulatedClockMode = 'auto' | 'manual';

/** Options of {@link SimulatedTimeProvider}. */
export interface SimulatedTimeProviderOptions {
  /**
   * The virtual time the clock starts at, in milliseconds since the Unix epoch.
   * @defaultValue `Date.UTC(2025, 0, 1)` (2025-01-01T00:00:00Z), so runs are reproducible
   */
  readonly startTime?: number;
  /**
   * `'auto'` advances by itself; `'manual'` waits for `tick`/`tickAsync`/`next`/`runAll`.
   * @defaultValue `'auto'`
   */
  readonly mode?: SimulatedClockMode;
  /**
   * How many sleepers one run may wake before the clock gives up with a
   * {@link TimerLoopLimitError}. A run is one `tick`/`tickAsync`/`runAll` call, or in auto mode
   * the stretch from the first sleep until no sleeper is left.
   * @defaultValue `10_000`
   */
  readonly loopLimit?: number;
}

/** The default start of a simulated clock: 2025-01-01T00:00:00Z. */
export const DEFAULT_SIMULATED_START_TIME = Date.UTC(2025, 0, 1);

interface Sleeper {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
  readonly release: () => void;
}

/** Resolves after the pending microtasks (promise continuations) of this turn have run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A virtual clock. In auto mode (the default) every `sleep` is answered as soon as the program
 * has nothing else to do: the clock jumps to the earliest pending wake-up, so a 30-second ad plays
 * in microseconds. In manual mode the clock moves only when a test says so. Either way sleepers
 * wake in time order (ties in the order `sleep` was called), the clock never moves backwards, and
 * a loop limit stops runaway timer loops.
 *
 * Auto mode counts the program as idle whenever no JavaScript is pending (it advances from a
 * `setImmediate`): code that waits on real I/O (a socket, a file) does not hold the virtual clock,
 * so other sleepers on the same clock may run ahead meanwhile. Give each independent simulation
 * its own clock, or use manual mode, when that matters.
 *
 * @example
 * ```ts
 * const time = new SimulatedTimeProvider({ startTime: Date.UTC(2025, 0, 1) });
 * await time.sleep(30_000); // returns at once
 * time.now(); // 2025-01-01T00:00:30Z
 *
 * const manual = new SimulatedTimeProvider({ mode: 'manual' });
 * const woke = manual.sleep(1_000).then(() => manual.now());
 * manual.tick(1_000); // wakes it
 * await woke;
 * ```
 */
export class SimulatedTimeProvider implements TimeProvider {
  /** Always `'simulated'`. */
  readonly kind = 'simulated' as const;
  /** Whether the clock advances by itself. */
  readonly mode: SimulatedClockMode;
  /** The loop limit of each run (see {@link SimulatedTimeProviderOptions.loopLimit}). */
  readonly loopLimit: number;
  /** The virtual time the clock started at (epoch ms). */
  readonly startTime: number;

  #now: number;
  #seq = 0;
  #sleepers: Sleeper[] = [];
  #autoScheduled = false;
  #autoWoken = 0;

  /**
   * @param options - start time, mode and loop limit
   * @throws {@link TimeProviderError} `TIME_INVALID_ARGUMENT` when `startTime` is not finite or `loopLimit` is not a positive integer
   */
  constructor(options: SimulatedTimeProviderOptions = {}) {
    const startTime = options.startTime ?? DEFAULT_SIMULATED_START_TIME;
    const loopLimit = options.loopLimit ?? 10_000;
    if (!Number.isFinite(startTime)) throw new TimeProviderError('TIME_INVALID_ARGUMENT', `startTime must be finite, got ${startTime}`);
    if (!Number.isInteger(loopLimit) || loopLimit < 1) {
      throw new TimeProviderError('TIME_INVALID_ARGUMENT', `loopLimit must be a positive integer, got ${loopLimit}`);
    }
    this.startTime = startTime;
    this.#now = startTime;
    this.mode = options.mode ?? 'auto';
    this.loopLimit = loopLimit;
  }

  /**
   * The virtual time.
   *
   * @returns milliseconds since the Unix epoch
   */
  now(): number {
    return this.#now;
  }

  /**
   * Virtual milliseconds since the start time; never decreases.
   *
   * @returns elapsed virtual milliseconds
   */
  monotonic(): number {
    return this.#now - this.startTime;
  }

  /** How many sleepers are waiting. */
  get pendingCount(): number {
    return this.#sleepers.length;
  }

  /**
   * Waits `ms` milliseconds of virtual time.
   *
   * @param ms - how long to wait; `0` wakes on the next advance of the clock
   * @param signal - aborts the wait: the sleeper is removed and the promise rejects with the reason
   * @returns a promise that resolves when the clock reaches `now() + ms`
   * @throws {@link TimeProviderError} `TIME_INVALID_ARGUMENT` (as a rejection) when `ms` is negative, NaN or infinite
   * @throws {@link TimerLoopLimitError} (as a rejection, code `TIME_LOOP_LIMIT`) when the run this
   *   sleeper belongs to exceeds the loop limit
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const invalid = invalidSleepDuration(ms);
    if (invalid) return Promise.reject(invalid);
    // The contract is to reject with the signal's reason, whatever the caller aborted with.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.#sleepers.indexOf(sleeper);
        if (index >= 0) this.#sleepers.splice(index, 1);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the signal's reason, as documented
        reject(abortReason(signal as AbortSignal));
      };
      const sleeper: Sleeper = {
        at: this.#now + ms,
        seq: this.#seq++,
        resolve,
        reject,
        release: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#insert(sleeper);
      if (this.mode === 'auto') this.#scheduleAuto();
    });
  }

  /**
   * Moves the clock forward by `ms`, waking in order every sleeper due by then. Synchronous, so
   * the woken code (promise continuations) runs after `tick` returns and sees the clock at the end
   * of the tick, and sleeps it starts are not part of this tick. Use {@link tickAsync} when each
   * sleeper should run at its own wake-up time.
   *
   * @param ms - how far to move, at least 0
   * @returns how many sleepers were woken
   * @throws {@link ClockBackwardsError} (code `TIME_BACKWARDS`) when `ms` is negative
   * @throws {@link TimerLoopLimitError} (code `TIME_LOOP_LIMIT`) when more sleepers are due than
   *   the loop limit; the pending sleepers are rejected with the same error
   */
  tick(ms: number): number {
    const target = this.#target(ms);
    let woken = 0;
    for (let first = this.#sleepers[0]; first !== undefined && first.at <= target; first = this.#sleepers[0]) {
      woken = this.#wakeOrFail(woken);
    }
    this.#now = target;
    return woken;
  }

  /**
   * Moves the clock forward by `ms` like {@link tick}, but lets the woken code run between
   * wake-ups, so sleeps it starts within the window wake too.
   *
   * @param ms - how far to move, at least 0
   * @returns how many sleepers were woken
   * @throws {@link ClockBackwardsError} (code `TIME_BACKWARDS`) when `ms` is negative
   * @throws {@link TimerLoopLimitError} (code `TIME_LOOP_LIMIT`) when the window needs more
   *   wake-ups than the loop limit; the pending sleepers are rejected with the same error
   */
  async tickAsync(ms: number): Promise<number> {
    const target = this.#target(ms);
    let woken = 0;
    await settle();
    for (let first = this.#sleepers[0]; first !== undefined && first.at <= target; first = this.#sleepers[0]) {
      woken = this.#wakeOrFail(woken);
      await settle();
    }
    this.#now = Math.max(this.#now, target);
    return woken;
  }

  /**
   * Jumps to the earliest pending wake-up and wakes that one sleeper.
   *
   * @returns `true` if a sleeper was woken, `false` if none was waiting
   */
  next(): boolean {
    if (this.#sleepers.length === 0) return false;
    this.#wakeFirst(0);
    return true;
  }

  /**
   * Wakes sleepers in order, letting the woken code run in between, until none is left.
   *
   * @returns how many sleepers were woken
   * @throws {@link TimerLoopLimitError} (code `TIME_LOOP_LIMIT`) when the program keeps sleeping
   *   past the loop limit; the pending sleepers are rejected with the same error
   */
  async runAll(): Promise<number> {
    let woken = 0;
    await settle();
    while (this.#sleepers.length > 0) {
      woken = this.#wakeOrFail(woken);
      await settle();
    }
    return woken;
  }

  /**
   * Moves the clock to `epochMs`, waking in order every sleeper due by then (like {@link tick}).
   *
   * @param epochMs - the new virtual time, not earlier than {@link now}
   * @returns how many sleepers were woken
   * @throws {@link ClockBackwardsError} (code `TIME_BACKWARDS`) when `epochMs` is in the past
   */
  setTime(epochMs: number): number {
    if (!(epochMs >= this.#now)) throw new ClockBackwardsError(this.#now, epochMs);
    return this.tick(epochMs - this.#now);
  }

  #target(ms: number): number {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new ClockBackwardsError(this.#now, this.#now + ms);
    return this.#now + ms;
  }

  #insert(sleeper: Sleeper): void {
    // Binary search for the first sleeper due strictly later: ties keep call order.
    let low = 0;
    let high = this.#sleepers.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.#sleepers[mid] as Sleeper).at <= sleeper.at) low = mid + 1;
      else high = mid;
    }
    this.#sleepers.splice(low, 0, sleeper);
  }

  /** Wakes the earliest sleeper; `woken` counts this run so far. */
  #wakeFirst(woken: number): number {
    if (woken >= this.loopLimit) throw new TimerLoopLimitError(this.loopLimit, this.#now);
    const sleeper = this.#sleepers.shift() as Sleeper;
    if (sleeper.at > this.#now) this.#now = sleeper.at;
    sleeper.release();
    sleeper.resolve();
    return woken + 1;
  }

  /** Like `#wakeFirst`, but on reaching the loop limit rejects every pending sleeper too. */
  #wakeOrFail(woken: number): number {
    try {
      return this.#wakeFirst(woken);
    } catch (error) {
      this.#rejectAll(error);
      throw error;
    }
  }

  #rejectAll(error: unknown): void {
    const sleepers = this.#sleepers;
    this.#sleepers = [];
    for (const sleeper of sleepers) {
      sleeper.release();
      sleeper.reject(error);
    }
  }

  #scheduleAuto(): void {
    if (this.#autoScheduled) return;
    this.#autoScheduled = true;
    setImmediate(() => this.#autoStep());
  }

  #autoStep(): void {
    this.#autoScheduled = false;
    if (this.#sleepers.length === 0) {
      this.#autoWoken = 0;
      return;
    }
    try {
      this.#autoWoken = this.#wakeOrFail(this.#autoWoken);
    } catch {
      this.#autoWoken = 0;
      return;
    }
    this.#scheduleAuto();
  }
}
