import { PlayerError } from '@vast/player-core';
import { RealtimeTimeProvider, type TimeProvider } from '@vast/time';

/** A task given to a {@link PlaybackScheduler}: cancel it to drop it. */
export interface ScheduledTask {
  /** Drops the task if it has not run yet; calling it again does nothing. */
  cancel(): void;
}

/** Options of {@link PlaybackScheduler}. */
export interface PlaybackSchedulerOptions {
  /**
   * The clock: tasks are due on its `monotonic()` time and it does the one wait.
   * @defaultValue a `RealtimeTimeProvider`
   */
  readonly time?: TimeProvider;
}

/** Refused waits in a row after which the scheduler stops asking the clock until the next schedule(). */
const MAX_REFUSALS = 3;

/** A task in the heap; it is also the handle given back, so scheduling allocates one object. */
class Entry implements ScheduledTask {
  readonly at: number;
  readonly seq: number;
  run: (() => void) | undefined;
  // The scheduler's one bookkeeping callback, shared by all its entries.
  readonly #onCancel: () => void;

  constructor(at: number, seq: number, run: () => void, onCancel: () => void) {
    this.at = at;
    this.seq = seq;
    this.run = run;
    this.#onCancel = onCancel;
  }

  cancel(): void {
    if (this.run === undefined) return;
    this.run = undefined;
    this.#onCancel();
  }
}

/**
 * Runs the timed work of many players with a single timer: a binary heap of tasks by due time,
 * and one sleep on the clock until the earliest. Share one between every `VastPlayer` of a
 * process (a `PlayerFactory` does): 100,000 concurrent sessions then cost memory, not 100,000
 * timers. Tasks due at the same time run in the order they were scheduled; a task that throws does
 * not stop the others.
 *
 * @example
 * ```ts
 * const scheduler = new PlaybackScheduler();
 * const players = ads.map((ad) => new VastPlayer({ ad, config, transport, scheduler }));
 * await Promise.all(players.map((p) => p.play()));
 * scheduler.close();
 * ```
 */
export class PlaybackScheduler {
  /** The clock of the due times. */
  readonly time: TimeProvider;
  readonly #heap: Entry[] = [];
  #seq = 0;
  #live = 0;
  #armedAt = Number.POSITIVE_INFINITY;
  #wait: AbortController | undefined;
  #closed = false;
  #refusals = 0;
  // Called by an entry cancelled before it ran: one function per scheduler, not a closure per task.
  readonly #cancelled = (): void => {
    this.#live--;
    // Cancelled entries stay in the heap until they reach the top; keep it from filling up.
    if (this.#heap.length > 1024 && this.#live < this.#heap.length / 2) this.#compact();
  };

  /**
   * @param options - the clock
   */
  constructor(options: PlaybackSchedulerOptions = {}) {
    this.time = options.time ?? new RealtimeTimeProvider();
  }

  /** How many tasks are waiting (cancelled ones not counted). */
  get size(): number {
    return this.#live;
  }

  /**
   * Runs `run` once the clock's `monotonic()` reaches `at` (at once, on the next wake-up, when it
   * already has).
   *
   * @param at - the due time, on `time.monotonic()`
   * @param run - the work
   * @returns the task, to cancel it
   * @throws {@link @vast/player-core!PlayerError} with code `ILLEGAL_PLAYER_STATE` when the scheduler is closed, or
   *   `INVALID_ARGUMENT` when `at` is not a finite number or `run` is not a function
   */
  schedule(at: number, run: () => void): ScheduledTask {
    if (this.#closed) throw new PlayerError('ILLEGAL_PLAYER_STATE', 'PlaybackScheduler is closed');
    // A NaN would break the heap order and never come due: refuse it here, not hang there.
    if (typeof at !== 'number' || !Number.isFinite(at)) throw new PlayerError('INVALID_ARGUMENT', `schedule(at): expected a finite number, got ${String(at)}`);
    if (typeof run !== 'function') throw new PlayerError('INVALID_ARGUMENT', 'schedule(at, run): run must be a function');
    const entry = new Entry(at, this.#seq++, run, this.#cancelled);
    this.#push(entry);
    this.#live++;
    if (at < this.#armedAt) this.#arm();
    return entry;
  }

  /** Drops every task and stops the timer; later `schedule` calls throw. */
  close(): void {
    this.#closed = true;
    for (const entry of this.#heap) entry.run = undefined;
    this.#heap.length = 0;
    this.#live = 0;
    this.#disarm();
  }

  #arm(): void {
    this.#disarm();
    let top = this.#heap[0];
    while (top !== undefined && top.run === undefined) {
      this.#pop();
      top = this.#heap[0];
    }
    if (top === undefined) return;
    const wait = new AbortController();
    this.#wait = wait;
    this.#armedAt = top.at;
    this.time.sleep(Math.max(0, top.at - this.time.monotonic()), wait.signal).then(
      () => {
        if (this.#wait !== wait) return;
        this.#refusals = 0;
        this.#fire();
      },
      () => {
        // Aborted because an earlier task came in, or the scheduler closed: nothing to do.
        if (this.#wait !== wait) return;
        // The clock refused to wait (a simulated clock past its loop limit): waiting again keeps
        // the sessions going instead of leaving them hung; a few times in a row at most, so a
        // clock that always refuses cannot spin (the next schedule() tries again).
        this.#wait = undefined;
        this.#armedAt = Number.POSITIVE_INFINITY;
        if (++this.#refusals <= MAX_REFUSALS && !this.#closed) this.#arm();
      },
    );
  }

  #disarm(): void {
    this.#wait?.abort();
    this.#wait = undefined;
    this.#armedAt = Number.POSITIVE_INFINITY;
  }

  #fire(): void {
    this.#wait = undefined;
    this.#armedAt = Number.POSITIVE_INFINITY;
    const now = this.time.monotonic();
    for (let top = this.#heap[0]; top !== undefined && top.at <= now; top = this.#heap[0]) {
      this.#pop();
      const run = top.run;
      if (run === undefined) continue;
      top.run = undefined;
      this.#live--;
      try {
        run();
      } catch {
        // One player's failure must not hold up the others' beacons.
      }
    }
    if (!this.#closed) this.#arm();
  }

  #compact(): void {
    const kept = this.#heap.filter((entry) => entry.run !== undefined);
    this.#heap.length = 0;
    for (const entry of kept) this.#push(entry);
  }

  #push(entry: Entry): void {
    const heap = this.#heap;
    let index = heap.length;
    heap.push(entry);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = heap[parent] as Entry;
      if (above.at < entry.at || (above.at === entry.at && above.seq < entry.seq)) break;
      heap[index] = above;
      index = parent;
    }
    heap[index] = entry;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop() as Entry;
    if (heap.length === 0) return;
    let index = 0;
    const size = heap.length;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      const l = heap[left] as Entry;
      if (right < size) {
        const r = heap[right] as Entry;
        if (r.at < l.at || (r.at === l.at && r.seq < l.seq)) child = right;
      }
      const c = heap[child] as Entry;
      if (last.at < c.at || (last.at === c.at && last.seq < c.seq)) break;
      heap[index] = c;
      index = child;
    }
    heap[index] = last;
  }
}
