import type { TimeProvider } from '@vast/time';
import { SessionStoreError, isSessionStoreError } from './session-store-error.js';

/** What {@link runWithDeadline} bounds. @internal */
export interface DeadlineContext {
  /** The operation, for messages (e.g. `get "s-1"`). */
  readonly what: string;
  /** The budget (ms). */
  readonly timeoutMs: number;
  /** The clock that times it. */
  readonly clock: TimeProvider;
  /** The caller's signal. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Runs a Redis call within its budget: it rejects with `SESSION_STORE_TIMEOUT` when the budget
 * runs out, with the signal's reason when the signal aborts, and with a typed error when the client
 * fails. The call itself may still reach Redis later (a command already sent cannot be taken back):
 * the version check makes such a late put harmless to other writers.
 *
 * @internal
 */
export async function runWithDeadline<T>(run: () => Promise<T>, context: DeadlineContext): Promise<T> {
  const { signal } = context;
  signal?.throwIfAborted();
  const timer = new AbortController();
  const onAbort = (): void => timer.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  // Rejects with the caller's reason on abort; after the race settles, the abort below releases the
  // timer and the rejection goes to the settled race, unheard.
  const deadline = context.clock.sleep(context.timeoutMs, timer.signal).then(() => {
    throw new SessionStoreError('SESSION_STORE_TIMEOUT', `Redis did not answer ${context.what} within ${context.timeoutMs} ms`);
  });
  try {
    const call = run().catch((error: unknown) => {
      throw toStoreError(error, context.what);
    });
    return await Promise.race([call, deadline]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    timer.abort();
  }
}

/** The typed error for what the Redis client threw. */
function toStoreError(error: unknown, what: string): unknown {
  // Anything but an Error (never seen from ioredis) is passed on as it is.
  if (isSessionStoreError(error) || !(error instanceof Error)) return error;
  if (error.name === 'ReplyError') {
    return new SessionStoreError('SESSION_STORE_REDIS_ERROR', `Redis refused ${what}: ${error.message}`, { cause: error });
  }
  if (error.message === 'Command timed out') {
    return new SessionStoreError('SESSION_STORE_TIMEOUT', `Redis did not answer ${what} in time`, { cause: error });
  }
  // Connection refused or lost, the offline queue given up (MaxRetriesPerRequestError), closed.
  return new SessionStoreError('SESSION_STORE_UNAVAILABLE', `Redis is unavailable for ${what}: ${error.message}`, { cause: error });
}
