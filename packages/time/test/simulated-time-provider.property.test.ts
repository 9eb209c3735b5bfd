import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulatedTimeProvider } from '../src/index.js';

describe('SimulatedTimeProvider ordering (property)', () => {
  it('wakes any set of concurrent sleepers in due-time order, ties in call order, each at its due time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('auto' as const, 'manual' as const),
        async (durations, mode) => {
          const time = new SimulatedTimeProvider({ startTime: 0, mode });
          const woke: { index: number; at: number }[] = [];
          const all = Promise.all(
            durations.map((ms, index) => time.sleep(ms).then(() => woke.push({ index, at: time.now() }))),
          );
          if (mode === 'manual') expect(await time.runAll()).toBe(durations.length);
          await all;
          const expected = durations
            .map((ms, index) => ({ index, at: ms }))
            .sort((a, b) => a.at - b.at || a.index - b.index);
          expect(woke).toEqual(expected);
          expect(time.pendingCount).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('never moves backwards under any sequence of ticks and sleeps', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 500 })), { maxLength: 50 }), (steps) => {
        const time = new SimulatedTimeProvider({ startTime: 1_000, mode: 'manual' });
        let last = time.now();
        for (const [isTick, ms] of steps) {
          if (isTick) time.tick(ms);
          else void time.sleep(ms);
          expect(time.now()).toBeGreaterThanOrEqual(last);
          expect(time.monotonic()).toBe(time.now() - 1_000);
          last = time.now();
        }
      }),
    );
  });
});
