import { EventEmitter } from 'node:events';
import type { TimeProvider } from '@vast/time';

/**
 * The abort signal of one fetch in the shape undici also takes (`signal: EventEmitter`): an
 * `abort` event, `aborted` and `reason`. Much cheaper to make than an `AbortController` and its
 * `AbortSignal`, and a fetch makes one per hop.
 */
export interface HopSignal extends EventEmitter {
  readonly aborted: boolean;
  readonly reason: unknown;
}

/** A signal that aborts when a time limit passes or the caller's signal aborts. */
export interface Deadline {
  /** Aborts with a `TimeoutError` `DOMException` when the time is up, or with the caller's reason. */
  readonly signal: HopSignal;
  /** Whether this deadline's own time ran out (not a parent's abort). */
  expired(): boolean;
  /** Releases the deadline and the parent listeners; the signal must not be used afterwards. */
  dispose(): void;
}

/** One deadline: the handle given out and the scheduler's queue entry at once. */
class Entry extends EventEmitter implements Deadline, HopSignal {
  /** When it expires, on the clock's monotonic time (infinite when it never does). */
  readonly at: number;
  readonly message: string;
  readonly scheduler: DeadlineScheduler;
  parent: AbortSignal | undefined;
  onParentAbort: (() => void) | undefined;
  hasExpired = false;
  done = false;
  aborted = false;
  reason: unknown = undefined;

  constructor(scheduler: DeadlineScheduler, at: number, message: string) {
    super();
    this.scheduler = scheduler;
    this.at = at;
    this.message = message;
  }

  get signal(): HopSignal {
    return this;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }

  expired(): boolean {
    return this.hasExpired;
  }

  dispose(): void {
    if (!this.done) this.scheduler.release(this);
    if (this.onParentAbort !== undefined) this.parent?.removeEventListener('abort', this.onParentAbort);
  }
}

/**
 * Deadlines of many concurrent fetches on one timer. Each deadline used to cost a `sleep` of its
 * own (a promise, a timer, an abort listener) and an abort to release it; here the deadlines wait
 * in order of expiry and one sleep on the injected clock runs to the earliest live one. Disposing
 * only marks the entry; when none is live at the end of the tick the sleep is cancelled, so
 * nothing stays scheduled between requests (the next hop of a chain starts in the same tick as the
 * previous one ends, and keeps the sleep). A deadline still fires at its exact time on the
 * injected clock.
 *
 * @internal
 */
export class DeadlineScheduler {
  readonly #time: TimeProvider;
  /** Entries in order of `at`, from `#head` on. */
  #queue: Entry[] = [];
  #head = 0;
  #live = 0;
  /** The armed sleep: when it ends and how to cancel it. */
  #armedAt = Number.POSITIVE_INFINITY;
  #armed: AbortController | undefined;
  /**
   * The reason the armed sleep is cancelled with. Made once: an `abort()` without a reason builds a
   * `DOMException` (and its stack) each time, and at low concurrency the sleep is cancelled after
   * every fetch.
   */
  readonly #idle = new DOMException('No deadline is live', 'AbortError');
  /** Whether {@link DeadlineScheduler.#cancelIfIdle} is queued for the end of this tick. */
  #idleCheckQueued = false;
  readonly #cancelIfIdle = (): void => {
    this.#idleCheckQueued = false;
    if (this.#live === 0) this.#disarm();
  };

  constructor(time: TimeProvider) {
    this.#time = time;
  }

  /**
   * Starts a deadline of `ms`, linked to the caller's signal. The listener is added and removed
   * by hand (no `AbortSignal.any`) so a long-lived parent does not collect dead children.
   */
  start(ms: number, message: string, parent: AbortSignal | undefined): Deadline {
    const timed = Number.isFinite(ms) && parent?.aborted !== true;
    const entry = new Entry(this, timed ? this.#time.monotonic() + ms : Number.POSITIVE_INFINITY, message);
    if (parent?.aborted === true) entry.abort(parent.reason);
    else if (parent !== undefined) {
      entry.parent = parent;
      entry.onParentAbort = () => entry.abort(parent.reason);
      parent.addEventListener('abort', entry.onParentAbort, { once: true });
    }
    if (timed) this.#insert(entry);
    else entry.done = true;
    return entry;
  }

  #insert(entry: Entry): void {
    const queue = this.#queue;
    let index = queue.length;
    // Deadlines of one length arrive in order; a shorter one (a chain budget) goes further in,
    // found by binary search (thousands of requests waiting for a connection are all live).
    if (index > this.#head && (queue[index - 1] as Entry).at > entry.at) {
      let low = this.#head;
      let high = index - 1;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((queue[mid] as Entry).at > entry.at) high = mid;
        else low = mid + 1;
      }
      index = low;
    }
    if (index === queue.length) queue.push(entry);
    else queue.splice(index, 0, entry);
    this.#live++;
    if (entry.at < this.#armedAt) this.#arm(entry.at);
  }

  /** Marks a deadline finished (it will not fire). */
  release(entry: Entry): void {
    entry.done = true;
    this.#live--;
    if (this.#live === 0) {
      this.#queue = [];
      this.#head = 0;
      // The next hop of a chain, or the caller's next request, usually starts in the promise jobs
      // that follow: cancel the sleep only if nothing is live once they have run, rather than
      // cancelling and arming it again around every fetch.
      if (this.#armed !== undefined && !this.#idleCheckQueued) {
        this.#idleCheckQueued = true;
        process.nextTick(this.#cancelIfIdle);
      }
      return;
    }
    // Fetches mostly end in the order they started: drop finished entries from the front so the
    // queue stays about as long as the fetches in flight.
    const queue = this.#queue;
    let head = this.#head;
    while ((queue[head] as Entry).done) head++;
    this.#head = head;
    this.#compact();
  }

  #compact(): void {
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }

  #arm(at: number): void {
    this.#disarm();
    const stop = new AbortController();
    this.#armed = stop;
    this.#armedAt = at;
    this.#time.sleep(Math.max(0, at - this.#time.monotonic()), stop.signal).then(
      () => {
        if (this.#armed !== stop) return;
        this.#armed = undefined;
        this.#armedAt = Number.POSITIVE_INFINITY;
        this.#fire();
      },
      () => undefined,
    );
  }

  #disarm(): void {
    const armed = this.#armed;
    if (armed === undefined) return;
    this.#armed = undefined;
    this.#armedAt = Number.POSITIVE_INFINITY;
    armed.abort(this.#idle);
  }

  /** Expires every live entry whose time has come, then arms for the next live one. */
  #fire(): void {
    const now = this.#time.monotonic();
    const queue = this.#queue;
    let head = this.#head;
    for (; head < queue.length; head++) {
      const entry = queue[head] as Entry;
      if (!entry.done) {
        if (entry.at > now) break;
        entry.done = true;
        entry.hasExpired = true;
        this.#live--;
        entry.abort(new DOMException(entry.message, 'TimeoutError'));
      }
    }
    if (head >= queue.length) {
      this.#queue = [];
      this.#head = 0;
      return;
    }
    this.#head = head;
    this.#compact();
    this.#arm((this.#queue[this.#head] as Entry).at);
  }
}
