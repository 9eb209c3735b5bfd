import { describe, expect, it } from 'vitest';
import {
  ClockBackwardsError,
  DEFAULT_SIMULATED_START_TIME,
  SimulatedTimeProvider,
  TimeProviderError,
  TimerLoopLimitError,
} from '../src/index.js';

const START = Date.UTC(2030, 5, 1, 12, 0, 0);

/** Lets every pending promise continuation and immediate run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('SimulatedTimeProvider in auto-advance mode', () => {
  it('answers a long sleep at once and moves the virtual clock by exactly that much', async () => {
    const time = new SimulatedTimeProvider({ startTime: START });
    expect(time.kind).toBe('simulated');
    expect(time.mode).toBe('auto');
    await time.sleep(30_000);
    expect(time.now()).toBe(START + 30_000);
    expect(time.monotonic()).toBe(30_000);
  });

  it('starts at 2025-01-01T00:00:00Z by default', () => {
    const time = new SimulatedTimeProvider();
    expect(time.now()).toBe(DEFAULT_SIMULATED_START_TIME);
    expect(new Date(time.now()).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(time.monotonic()).toBe(0);
  });

  it('wakes concurrent sleepers in time order, ties in call order, each at its own time', async () => {
    const time = new SimulatedTimeProvider({ startTime: START });
    const woke: string[] = [];
    const sleeper = (name: string, ms: number) =>
      time.sleep(ms).then(() => woke.push(`${name}@${time.now() - START}`));
    await Promise.all([sleeper('c', 300), sleeper('a', 100), sleeper('b1', 200), sleeper('b2', 200), sleeper('z', 0)]);
    expect(woke).toEqual(['z@0', 'a@100', 'b1@200', 'b2@200', 'c@300']);
  });

  it('interleaves two sequential loops by virtual time, as two players sharing a clock would', async () => {
    const time = new SimulatedTimeProvider({ startTime: START });
    const log: string[] = [];
    const loop = async (name: string, step: number, count: number) => {
      for (let i = 0; i < count; i++) {
        await time.sleep(step);
        log.push(`${name}${time.monotonic()}`);
      }
    };
    await Promise.all([loop('a', 250, 4), loop('b', 400, 2)]);
    expect(log).toEqual(['a250', 'b400', 'a500', 'a750', 'b800', 'a1000']);
    expect(time.pendingCount).toBe(0);
  });

  it('stops a runaway timer loop with a TimerLoopLimitError instead of spinning forever', async () => {
    const time = new SimulatedTimeProvider({ startTime: START, loopLimit: 50 });
    let iterations = 0;
    const runaway = async () => {
      for (;;) {
        await time.sleep(10);
        iterations++;
      }
    };
    const error = await runaway().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimerLoopLimitError);
    expect(error).toBeInstanceOf(TimeProviderError);
    expect((error as TimerLoopLimitError).code).toBe('TIME_LOOP_LIMIT');
    expect((error as TimerLoopLimitError).limit).toBe(50);
    expect((error as Error).message).toContain('loopLimit');
    expect(iterations).toBe(50);
    expect(time.pendingCount).toBe(0);
  });

  it('counts the loop limit per run: it starts again once no sleeper is left', async () => {
    const time = new SimulatedTimeProvider({ startTime: START, loopLimit: 50 });
    const run = async () => {
      for (let i = 0; i < 40; i++) await time.sleep(10);
    };
    await run();
    await settle();
    await run();
    expect(time.monotonic()).toBe(800);
  });

  it('removes an aborted sleeper and leaves the others waking on time', async () => {
    const time = new SimulatedTimeProvider({ startTime: START });
    const controller = new AbortController();
    const cancelled = time.sleep(100, controller.signal);
    const kept = time.sleep(200).then(() => time.monotonic());
    expect(time.pendingCount).toBe(2);
    controller.abort();
    expect(time.pendingCount).toBe(1);
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(await kept).toBe(200);
  });
});

describe('SimulatedTimeProvider in manual mode', () => {
  it('does not move until told to, and wakes a sleeper exactly when its time is reached', async () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
    let woke = false;
    void time.sleep(1_000).then(() => {
      woke = true;
    });
    await settle();
    expect(woke).toBe(false);
    expect(time.tick(999)).toBe(0);
    await settle();
    expect(woke).toBe(false);
    expect(time.tick(1)).toBe(1);
    await settle();
    expect(woke).toBe(true);
    expect(time.now()).toBe(START + 1_000);
  });

  it('tick is synchronous: sleeps started by woken code wait for the next tick; tickAsync runs them', async () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
    const log: number[] = [];
    const chain = async () => {
      await time.sleep(100);
      log.push(time.monotonic());
      await time.sleep(100);
      log.push(time.monotonic());
    };
    const done = chain();
    expect(time.tick(500)).toBe(1);
    await settle();
    // Promise continuations run after a synchronous tick, so they see the clock at its end.
    expect(log).toEqual([500]);
    expect(time.pendingCount).toBe(1);

    const second = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
    const log2: number[] = [];
    const chain2 = async () => {
      await second.sleep(100);
      log2.push(second.monotonic());
      await second.sleep(100);
      log2.push(second.monotonic());
    };
    const done2 = chain2();
    expect(await second.tickAsync(500)).toBe(2);
    await done2;
    expect(log2).toEqual([100, 200]);
    expect(second.monotonic()).toBe(500);
    expect(time.tick(99)).toBe(0);
    expect(time.tick(1)).toBe(1);
    await done;
    expect(log).toEqual([500, 600]);
  });

  it('next() wakes only the earliest sleeper and jumps the clock to it', async () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
    expect(time.next()).toBe(false);
    const order: number[] = [];
    void time.sleep(300).then(() => order.push(300));
    void time.sleep(100).then(() => order.push(100));
    expect(time.next()).toBe(true);
    await settle();
    expect(order).toEqual([100]);
    expect(time.monotonic()).toBe(100);
    expect(time.pendingCount).toBe(1);
    expect(time.next()).toBe(true);
    await settle();
    expect(order).toEqual([100, 300]);
  });

  it('runAll() lets chained sleeps run until none is left and says how many woke', async () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
    const done = (async () => {
      for (let i = 0; i < 5; i++) await time.sleep(1_000);
      return time.monotonic();
    })();
    expect(await time.runAll()).toBe(5);
    expect(await done).toBe(5_000);
    expect(await time.runAll()).toBe(0);
  });

  it('runAll() rejects a runaway loop and its sleeper with the loop-limit error', async () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual', loopLimit: 20 });
    const runaway = (async () => {
      for (;;) await time.sleep(5);
    })();
    const [loopError, runError] = await Promise.all([
      runaway.catch((e: unknown) => e),
      time.runAll().catch((e: unknown) => e),
    ]);
    expect(runError).toBeInstanceOf(TimerLoopLimitError);
    expect(loopError).toBe(runError);
    expect(time.pendingCount).toBe(0);
  });

  it('tick() past the loop limit throws and rejects every pending sleeper', async () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual', loopLimit: 2 });
    const sleeps = [time.sleep(1), time.sleep(2), time.sleep(3)].map((p) => p.then(() => 'woke', (e: unknown) => e));
    expect(() => time.tick(10)).toThrow(TimerLoopLimitError);
    const results = await Promise.all(sleeps);
    expect(results.slice(0, 2)).toEqual(['woke', 'woke']);
    expect(results[2]).toBeInstanceOf(TimerLoopLimitError);
    expect(time.pendingCount).toBe(0);
  });

  it('tickAsync() past the loop limit rejects too', async () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual', loopLimit: 1 });
    const sleeps = [time.sleep(1), time.sleep(2)].map((p) => p.then(() => 'woke', (e: unknown) => e));
    await expect(time.tickAsync(10)).rejects.toBeInstanceOf(TimerLoopLimitError);
    const results = await Promise.all(sleeps);
    expect(results[0]).toBe('woke');
    expect(results[1]).toBeInstanceOf(TimerLoopLimitError);
  });

  it('never moves backwards: setTime to the past and negative ticks throw ClockBackwardsError', async () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
    const woke = time.sleep(5_000);
    expect(time.setTime(START + 10_000)).toBe(1);
    await expect(woke).resolves.toBeUndefined();
    expect(time.now()).toBe(START + 10_000);
    const error = (() => {
      try {
        time.setTime(START);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ClockBackwardsError);
    expect(error).toMatchObject({ code: 'TIME_BACKWARDS', now: START + 10_000, requested: START });
    expect(() => time.tick(-1)).toThrow(ClockBackwardsError);
    expect(() => time.setTime(Number.NaN)).toThrow(ClockBackwardsError);
    await expect(time.tickAsync(-5)).rejects.toBeInstanceOf(ClockBackwardsError);
    expect(time.now()).toBe(START + 10_000);
  });
});

describe('SimulatedTimeProvider arguments and aborts', () => {
  it('rejects negative, NaN and infinite durations with TIME_INVALID_ARGUMENT', async () => {
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    await expect(time.sleep(-1)).rejects.toMatchObject({ code: 'TIME_INVALID_ARGUMENT' });
    await expect(time.sleep(Number.NaN)).rejects.toMatchObject({ code: 'TIME_INVALID_ARGUMENT' });
    await expect(time.sleep(Number.POSITIVE_INFINITY)).rejects.toMatchObject({ code: 'TIME_INVALID_ARGUMENT' });
    expect(time.pendingCount).toBe(0);
  });

  it('rejects at once when the signal is already aborted, with the signal reason', async () => {
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const reason = new Error('viewer left');
    await expect(time.sleep(10, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(time.pendingCount).toBe(0);
  });

  it('rejects a pending sleep with an AbortError when aborted without a reason, and never wakes it later', async () => {
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const controller = new AbortController();
    const sleep = time.sleep(10, controller.signal);
    controller.abort();
    const error = await sleep.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(time.tick(100)).toBe(0);
  });

  it('does not react to an abort after the sleeper woke', async () => {
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const controller = new AbortController();
    const sleep = time.sleep(10, controller.signal);
    time.tick(10);
    controller.abort();
    await expect(sleep).resolves.toBeUndefined();
  });

  it('validates its options', () => {
    expect(() => new SimulatedTimeProvider({ loopLimit: 0 })).toThrow(expect.objectContaining({ code: 'TIME_INVALID_ARGUMENT' }));
    expect(() => new SimulatedTimeProvider({ loopLimit: 1.5 })).toThrow(expect.objectContaining({ code: 'TIME_INVALID_ARGUMENT' }));
    expect(() => new SimulatedTimeProvider({ startTime: Number.NaN })).toThrow(expect.objectContaining({ code: 'TIME_INVALID_ARGUMENT' }));
  });
});
