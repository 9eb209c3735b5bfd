import type { TimeProvider } from '@vast/time';

/** A clock for tests whose sleeps resolve only when the test calls `advance`. */
export interface ManualClock extends TimeProvider {
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function manualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  let pending: { at: number; done: () => void }[] = [];
  const sleeps: number[] = [];
  return {
    kind: 'simulated',
    sleeps,
    now: () => now,
    monotonic: () => now - start,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        sleeps.push(ms);
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
  };
}
