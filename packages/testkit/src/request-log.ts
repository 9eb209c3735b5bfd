import type { TimeProvider } from '@vast/time';
import type { RecordedRequest } from './recorded-request.js';
import type { WaitForOptions } from './start-mock-ad-server.js';
import { MockAdServerError } from './mock-ad-server-error.js';

interface Waiter {
  readonly predicate: (request: RecordedRequest) => boolean;
  readonly count: number;
  readonly resolve: (requests: RecordedRequest[]) => void;
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException(String(reason), 'AbortError');
}

/**
 * The requests a mock server received, oldest first, and the waits for them: each recorded
 * request settles the waits it completes.
 * @internal
 */
export class RequestLog {
  #log: RecordedRequest[] = [];
  #waiters: Waiter[] = [];

  /** @param time - the clock of wait timeouts */
  constructor(private readonly time: TimeProvider) {}

  /** Adds a request and resolves the waits that now have their count. */
  record(request: RecordedRequest): void {
    this.#log.push(request);
    const still: Waiter[] = [];
    for (const waiter of this.#waiters) {
      const found = this.#log.filter(waiter.predicate);
      if (found.length >= waiter.count) waiter.resolve(found.slice(0, waiter.count));
      else still.push(waiter);
    }
    this.#waiters = still;
  }

  /** A copy of the log. */
  received(): RecordedRequest[] {
    return [...this.#log];
  }

  /** Forgets the recorded requests (pending waits go on waiting). */
  clear(): void {
    this.#log = [];
  }

  /** See {@link MockAdServer.waitFor}. */
  waitFor(predicate: (request: RecordedRequest) => boolean, options: WaitForOptions = {}): Promise<RecordedRequest[]> {
    const count = options.count ?? 1;
    const found = this.#log.filter(predicate);
    if (found.length >= count) return Promise.resolve(found.slice(0, count));
    return new Promise<RecordedRequest[]>((done, fail) => this.#wait(predicate, count, options, done, fail));
  }

  /** A wait that ends at its count, its timeout or its signal, whichever comes first. */
  #wait(
    predicate: (request: RecordedRequest) => boolean,
    count: number,
    options: WaitForOptions,
    done: (requests: RecordedRequest[]) => void,
    fail: (error: Error) => void,
  ): void {
    const stop = new AbortController();
    const finish = (): void => {
      stop.abort();
      this.#waiters = this.#waiters.filter((w) => w !== waiter);
    };
    const waiter: Waiter = {
      predicate,
      count,
      resolve: (requests) => {
        finish();
        done(requests);
      },
    };
    this.#waiters.push(waiter);
    const signal = options.signal;
    if (signal) {
      if (signal.aborted) {
        finish();
        fail(abortReason(signal));
        return;
      }
      signal.addEventListener('abort', () => {
        finish();
        fail(abortReason(signal));
      }, { once: true, signal: stop.signal });
    }
    const timeout = options.timeout ?? 5000;
    this.time.sleep(timeout, stop.signal).then(
      () => {
        finish();
        fail(new MockAdServerError('WAIT_FOR_TIMEOUT', `waitFor: ${this.#log.filter(predicate).length} of ${count} matching request(s) after ${timeout} ms`));
      },
      () => undefined,
    );
  }
}
