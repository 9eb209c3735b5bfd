import type { TimeProvider } from '@vast/time';

/** One attempt's place in {@link AttemptDeadlines}. */
interface Waiting {
  readonly at: number;
  expire: (() => void) | undefined;
}

/**
 * The deadlines of a transport's attempts, on one timer. Every attempt of a transport has the same
 * timeout, so they expire in the order they started: a queue, whose head is the next to expire,
 * replaces a timer, a timeout promise and an abort listener per beacon.
 *
 * @internal
 */
export class AttemptDeadlines {
  readonly #time: TimeProvider;
  readonly #timeoutMs: number;
  #queue: Waiting[] = [];
  #head = 0;
  #armed: AbortController | undefined;
  // Deadlines still running: at 0 the timer stops, so an idle transport holds no timer.
  #live = 0;

  /**
   * @param time - the clock of the deadlines
   * @param timeoutMs - how long each attempt may take
   */
  constructor(time: TimeProvider, timeoutMs: number) {
    this.#time = time;
    this.#timeoutMs = timeoutMs;
  }

  /**
   * Starts an attempt's deadline.
   *
   * @param expire - called once the time is up, unless the returned function was called first
   * @returns a function that ends the deadline (the attempt settled)
   */
  start(expire: () => void): () => void {
    const waiting: Waiting = { at: this.#time.monotonic() + this.#timeoutMs, expire };
    this.#queue.push(waiting);
    this.#live++;
    if (this.#armed === undefined) this.#arm();
    return () => {
      if (waiting.expire === undefined) return;
      waiting.expire = undefined;
      if (--this.#live === 0) this.close();
    };
  }

  /** Stops the timer; deadlines still waiting never expire. */
  close(): void {
    this.#armed?.abort();
    this.#armed = undefined;
    this.#queue = [];
    this.#head = 0;
    this.#live = 0;
  }

  #arm(): void {
    // Skip the attempts that settled already.
    while (this.#head < this.#queue.length && (this.#queue[this.#head] as Waiting).expire === undefined) this.#head++;
    if (this.#head === this.#queue.length) {
      this.#queue = [];
      this.#head = 0;
      return;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    const armed = new AbortController();
    this.#armed = armed;
    const next = this.#queue[this.#head] as Waiting;
    this.#time.sleep(Math.max(0, next.at - this.#time.monotonic()), armed.signal).then(
      () => {
        if (this.#armed !== armed) return;
        this.#armed = undefined;
        const now = this.#time.monotonic();
        while (this.#head < this.#queue.length && (this.#queue[this.#head] as Waiting).at <= now) {
          const due = this.#queue[this.#head++] as Waiting;
          const expire = due.expire;
          if (expire === undefined) continue;
          due.expire = undefined;
          this.#live--;
          expire();
        }
        this.#arm();
      },
      () => {
        // Closed: nothing waits any more.
      },
    );
  }
}
