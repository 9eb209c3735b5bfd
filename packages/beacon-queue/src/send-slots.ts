/**
 * A counting semaphore: at most `size` deliveries of a worker at once, whatever the number of
 * batch jobs it holds. Waiters are served in order.
 *
 * @internal
 */
export class SendSlots {
  readonly #size: number;
  #used = 0;
  readonly #waiting: (() => void)[] = [];

  /** @param size - deliveries at once */
  constructor(size: number) {
    this.#size = size;
  }

  /** Deliveries at once at most. */
  get size(): number {
    return this.#size;
  }

  /** @returns once a slot is this caller's; give it back with {@link SendSlots.release} */
  take(): Promise<void> {
    if (this.#used < this.#size) {
      this.#used++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  /** Gives a slot back (to the first waiter, if any). */
  release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#used--;
    else next();
  }
}
