import type { TimeProvider } from '@vast/time';
import type { HopSignal } from './deadline.js';

/** Settings of a {@link HopScheduler}, already validated. @internal */
export interface HopSchedulerSettings {
  readonly time: TimeProvider;
  /** Requests in flight per origin before more wait (the pool's connections per origin). */
  readonly connectionsPerOrigin: number;
  /** Requests, all origins together, that may leave their origin's slot once slow. */
  readonly maxSlowRequests: number;
  /** How long a request runs before it counts as slow. */
  readonly slowRequestMs: number;
  /** Requests waiting, all origins together, before new ones are refused as overloaded. */
  readonly maxQueuedRequests: number;
}

/**
 * Why a request was refused or shed: it could not get a connection within its budget.
 *
 * @internal
 */
export class OverloadedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverloadedError';
  }
}

/** A request's hold on its origin: released when undici is done with the request. @internal */
export interface HopSlot {
  /** Gives the slot back (idempotent). */
  release(): void;
}

class Slot implements HopSlot {
  slow = false;
  done = false;
  constructor(
    readonly state: OriginState,
    readonly at: number,
    readonly scheduler: HopScheduler,
  ) {}
  release(): void {
    if (this.done) return;
    this.done = true;
    this.scheduler.released(this);
  }
}

interface Waiter {
  readonly depth: number;
  /** When its budget ends, on the monotonic clock. */
  readonly deadlineAt: number;
  readonly resolve: (slot: HopSlot) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: HopSignal;
  readonly onAbort: () => void;
  cancelled: boolean;
}

/** One FIFO per depth, deeper first; entries are removed lazily when cancelled. */
class OriginState {
  active = 0;
  queued = 0;
  readonly queues: Waiter[][] = [];
  readonly heads: number[] = [];
  /** Dispatches out of the queue in the current window, and of those, first hops. */
  windowStart = -1;
  windowCount = 0;
  windowFirst = 0;
  /** Dispatches per millisecond while waiters were queued (0: unknown). */
  rate = 0;
  rateAt = 0;
  constructor(readonly origin: string) {}
}

const WINDOW_MS = 200;
/** Dispatches a window needs before it says anything: a window that saw few of them mostly
 * measured the client's own event loop being busy (a burst of calls starting, say). */
const WINDOW_MIN = 32;
/** A rate older than this no longer says anything about the origin. */
const STALE_MS = 5000;

/**
 * Fair scheduling and admission per origin, in front of undici's pool. undici queues requests in
 * arrival order and only acts on an abort when it dequeues one (destroying a socket to do so), so
 * the client never lets undici queue: at most `connectionsPerOrigin` requests are in flight per
 * origin, and the rest wait here, where
 * - later hops of a chain go before new first hops (deeper first, in arrival order), so calls
 *   already under way finish instead of all timing out together;
 * - a waiter whose deadline passes leaves at once and opens no socket;
 * - first hops that cannot be served within their budget, going by the rate the origin has been
 *   served at, are refused at once ({@link OverloadedError}) rather than left to time out;
 * - a request running longer than `slowRequestMs` gives its slot back (within `maxSlowRequests`
 *   for the whole client), so hung requests to an origin cannot hold all of its connections.
 *
 * @internal
 */
export class HopScheduler {
  readonly #settings: HopSchedulerSettings;
  readonly #origins = new Map<string, OriginState>();
  /** Slots not slow yet, oldest first. */
  readonly #fresh = new Set<Slot>();
  #slow = 0;
  #queued = 0;
  #sweep: AbortController | undefined;

  constructor(settings: HopSchedulerSettings) {
    this.#settings = settings;
  }

  /** Requests waiting for a slot, all origins together. */
  get queued(): number {
    return this.#queued;
  }

  /** A slot at once when the origin has one free and nobody waits; otherwise undefined. */
  tryAcquire(origin: string): HopSlot | undefined {
    const state = this.#state(origin);
    if (state.queued > 0 || state.active >= this.#settings.connectionsPerOrigin) return undefined;
    return this.#grant(state);
  }

  /**
   * Waits for a slot of `origin`. Rejects with the signal's reason when it aborts (the waiter
   * leaves the queue then), or with {@link OverloadedError} when the request cannot be served
   * within `deadlineAt`.
   */
  wait(origin: string, depth: number, deadlineAt: number, signal: HopSignal): Promise<HopSlot> {
    const state = this.#state(origin);
    if (this.#queued >= this.#settings.maxQueuedRequests) {
      return Promise.reject(new OverloadedError(`${this.#queued} requests already wait for a connection`));
    }
    return new Promise<HopSlot>((resolve, reject) => {
      const waiter: Waiter = {
        depth,
        deadlineAt,
        resolve,
        reject,
        signal,
        cancelled: false,
        onAbort: () => {
          if (waiter.cancelled) return;
          this.#drop(state, waiter);
          // The reason is the deadline's TimeoutError or the caller's own, passed on as is.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          reject(signal.reason);
        },
      };
      signal.once('abort', waiter.onAbort);
      const queue = (state.queues[depth] ??= []);
      state.heads[depth] ??= 0;
      queue.push(waiter);
      state.queued++;
      this.#queued++;
      if (depth === 0) this.#shed(state);
      this.#pump(state);
      this.#armSweep();
    });
  }

  /** @internal called by a slot */
  released(slot: Slot): void {
    const state = slot.state;
    if (slot.slow) this.#slow--;
    else {
      this.#fresh.delete(slot);
      state.active--;
    }
    this.#pump(state);
    if (state.active === 0 && state.queued === 0) this.#origins.delete(state.origin);
  }

  #state(origin: string): OriginState {
    let state = this.#origins.get(origin);
    if (state === undefined) {
      state = new OriginState(origin);
      this.#origins.set(origin, state);
    }
    return state;
  }

  #grant(state: OriginState): Slot {
    state.active++;
    const slot = new Slot(state, this.#settings.time.monotonic(), this);
    this.#fresh.add(slot);
    return slot;
  }

  #drop(state: OriginState, waiter: Waiter): void {
    waiter.cancelled = true;
    waiter.signal.removeListener('abort', waiter.onAbort);
    state.queued--;
    this.#queued--;
    if (this.#queued === 0) this.close();
  }

  /** Cancels the sweep timer (it is armed only while requests wait). */
  close(): void {
    const sweep = this.#sweep;
    this.#sweep = undefined;
    sweep?.abort();
  }

  /** Hands free slots to waiters, deepest first. */
  #pump(state: OriginState): void {
    while (state.queued > 0 && state.active < this.#settings.connectionsPerOrigin) {
      const waiter = this.#next(state);
      /* v8 ignore next -- `queued` counts the live waiters, so one is found */
      if (waiter === undefined) break;
      this.#drop(state, waiter);
      this.#count(state, waiter.depth);
      waiter.resolve(this.#grant(state));
    }
    if (state.queued === 0) state.windowStart = -1;
  }

  #next(state: OriginState): Waiter | undefined {
    for (let depth = state.queues.length - 1; depth >= 0; depth--) {
      const queue = state.queues[depth];
      if (queue === undefined) continue;
      let head = state.heads[depth] ?? 0;
      while (head < queue.length && (queue[head] as Waiter).cancelled) head++;
      if (head < queue.length) {
        const waiter = queue[head] as Waiter;
        head++;
        if (head === queue.length) {
          queue.length = 0;
          head = 0;
        } else if (head > 1024 && head * 2 > queue.length) {
          queue.splice(0, head);
          head = 0;
        }
        state.heads[depth] = head;
        return waiter;
      }
      queue.length = 0;
      state.heads[depth] = 0;
    }
    return undefined;
  }

  #openWindow(state: OriginState): void {
    state.windowStart = this.#settings.time.monotonic();
    state.windowCount = 0;
    state.windowFirst = 0;
  }

  /** Measures how fast the origin serves its queue, while it has one. */
  #count(state: OriginState, depth: number): void {
    const now = this.#settings.time.monotonic();
    // A window opens at a dispatch out of the queue, not when the queue forms.
    if (state.windowStart < 0) {
      state.windowStart = now;
      state.windowCount = 0;
      state.windowFirst = 0;
      return;
    }
    state.windowCount++;
    if (depth === 0) state.windowFirst++;
    const elapsed = now - state.windowStart;
    if (elapsed < WINDOW_MS || state.windowCount < WINDOW_MIN) return;
    const rate = state.windowCount / elapsed;
    const fresh = state.rate === 0 || now - state.rateAt > STALE_MS;
    state.rate = fresh ? rate : state.rate * 0.5 + rate * 0.5;
    state.rateAt = now;
    this.#openWindow(state);
    this.#shed(state);
  }

  /**
   * Refuses the newest first hops while the work queued ahead of them, at the measured rate, would
   * not leave them time to finish within their budget.
   */
  #shed(state: OriginState): void {
    const now = this.#settings.time.monotonic();
    if (state.rate === 0 || now - state.rateAt > STALE_MS) return;
    const queue = state.queues[0];
    if (queue === undefined) return;
    // Conservative: only the queue ahead counts (not the later hops each first hop leads to), so
    // a call is refused only when even its first hop could not start within its budget.
    while (queue.length > (state.heads[0] ?? 0)) {
      const tail = queue[queue.length - 1] as Waiter;
      if (!tail.cancelled) {
        const waitMs = state.queued / state.rate;
        if (waitMs <= tail.deadlineAt - now) return;
        this.#drop(state, tail);
        tail.reject(
          new OverloadedError(
            `Overloaded: about ${Math.round(waitMs)} ms of queued work for ${state.origin}, more than the budget left`,
          ),
        );
      }
      queue.pop();
    }
  }

  /** While requests wait, moves requests that have run `slowRequestMs` out of their slots. */
  #armSweep(): void {
    if (this.#sweep !== undefined || this.#queued === 0) return;
    const oldest = this.#fresh.values().next().value;
    const { time, slowRequestMs } = this.#settings;
    const delay = oldest === undefined ? slowRequestMs : Math.max(0, oldest.at + slowRequestMs - time.monotonic());
    const stop = new AbortController();
    this.#sweep = stop;
    time.sleep(Math.max(delay, slowRequestMs / 8), stop.signal).then(
      () => {
        this.#sweep = undefined;
        this.#moveSlow();
        this.#armSweep();
      },
      () => undefined,
    );
  }

  #moveSlow(): void {
    const { time, slowRequestMs, maxSlowRequests } = this.#settings;
    const now = time.monotonic();
    const touched = new Set<OriginState>();
    for (const slot of this.#fresh) {
      if (now - slot.at < slowRequestMs || this.#slow >= maxSlowRequests) break;
      this.#fresh.delete(slot);
      slot.slow = true;
      this.#slow++;
      slot.state.active--;
      touched.add(slot.state);
    }
    for (const state of touched) this.#pump(state);
  }
}
