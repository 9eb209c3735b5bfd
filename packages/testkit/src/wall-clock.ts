import { setTimeout as sleepFor } from 'node:timers/promises';
import type { TimeProvider } from '@vast/time';

/**
 * The clock the mock server uses when the caller gives none: the wall clock. The testkit is a
 * real server on a real socket, so real time is its natural default; tests that drive a
 * simulated clock pass their own `TimeProvider`.
 *
 * @returns a realtime {@link TimeProvider}
 * @internal
 */
export function wallClock(): TimeProvider {
  return {
    kind: 'realtime',
    // eslint-disable-next-line no-restricted-properties -- default clock of a dev-only real server when no TimeProvider is injected
    now: () => Date.now(),
    monotonic: () => Number(process.hrtime.bigint() / 1000n) / 1000,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (!(ms >= 0)) throw new RangeError(`sleep: ms must be a non-negative number, got ${ms}`);
      await sleepFor(ms, undefined, signal ? { signal } : {});
    },
  };
}
