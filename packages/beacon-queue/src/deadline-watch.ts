import type { TimeProvider } from '@vast/time';

interface Watched {
  readonly deadline: number;
  readonly what: string;
  readonly reject: (error: Error) => void;
}

/**
 * Bounds many waits by one timeout with a single timer: a wait past its deadline fails within a
 * quarter of the timeout (at most a second) after it. A timer and an `AbortController` per wait
 * cost a worker a noticeable share of its CPU at thousands of beacons per second.
 *
 * @internal
 */
export class DeadlineWatch {
  readonly #time: TimeProvider;
  readonly #timeoutMs: number;
  readonly #tickMs: number;
  readonly #watched = new Set<Watched>();
  #stop = new AbortController();
  #running = false;

  /**
   * @param time - the clock of the deadlines (real time for network waits)
   * @param timeoutMs - how long each wait may last
   */
  constructor(time: TimeProvider, timeoutMs: number) {
    this.#time = time;
    this.#timeoutMs = timeoutMs;
    this.#tickMs = Math.max(1, Math.min(1000, Math.ceil(timeoutMs / 4)));
  }

  /**
   * Waits for `work`, at most the timeout.
   * @param work - the promise to wait for
   * @param what - names the wait in the timeout's error
   * @returns what `work` resolves to
   * @throws an `Error` saying Redis did not answer in time
   */
  bound<T>(work: Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const watched: Watched = { deadline: this.#time.monotonic() + this.#timeoutMs, what, reject };
      this.#watched.add(watched);
      if (!this.#running) void this.#run();
      work.then(
        (value) => {
          this.#watched.delete(watched);
          resolve(value);
        },
        (error: unknown) => {
          this.#watched.delete(watched);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Stops the timer; waits still watched are no longer bounded. */
  close(): void {
    this.#stop.abort('closed');
    this.#stop = new AbortController();
  }

  /** Ticks while anything is watched, then lets the process exit. */
  async #run(): Promise<void> {
    this.#running = true;
    try {
      while (this.#watched.size > 0) {
        await this.#time.sleep(this.#tickMs, this.#stop.signal);
        const now = this.#time.monotonic();
        for (const watched of this.#watched) {
          if (now < watched.deadline) continue;
          this.#watched.delete(watched);
          watched.reject(new Error(`${watched.what}: Redis did not answer within ${this.#timeoutMs} ms`));
        }
      }
    } catch {
      // Closed.
    } finally {
      this.#running = false;
    }
  }
}
