import { setTimeout as sleepFor } from 'node:timers/promises';
import type { TimeProvider } from '@vast/time';

/** The wall clock, for tests that only need time to pass as usual. */
export function realClock(): TimeProvider {
  return {
    kind: 'realtime',
    now: () => Date.now(),
    monotonic: () => performance.now(),
    sleep: async (ms, signal) => {
      await sleepFor(ms, undefined, signal ? { signal } : {});
    },
  };
}

/** A clock whose sleeps resolve only when the test calls `advance`: deterministic timeouts. */
export interface ManualClock extends TimeProvider {
  advance(ms: number): void;
  /** How many sleeps are pending. */
  pending(): number;
}

export function manualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  let pending: { at: number; done: () => void }[] = [];
  return {
    kind: 'simulated',
    now: () => now,
    monotonic: () => now - start,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const entry = { at: now + ms, done: resolve };
        pending.push(entry);
        signal?.addEventListener('abort', () => {
          pending = pending.filter((p) => p !== entry);
          reject(signal.reason as Error);
        });
      }),
    advance: (ms) => {
      now += ms;
      const due = pending.filter((p) => p.at <= now);
      pending = pending.filter((p) => p.at > now);
      for (const p of due) p.done();
    },
    pending: () => pending.length,
  };
}
