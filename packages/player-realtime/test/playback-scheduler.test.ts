import { describe, expect, it } from 'vitest';
import { SimulatedTimeProvider, type TimeProvider } from '@vast/time';
import { PlaybackScheduler } from '../src/index.js';
import { codeOf } from './helpers.js';

function setup(): { time: SimulatedTimeProvider; scheduler: PlaybackScheduler; ran: string[] } {
  const time = new SimulatedTimeProvider({ mode: 'manual' });
  return { time, scheduler: new PlaybackScheduler({ time }), ran: [] };
}

describe('PlaybackScheduler', () => {
  it('runs tasks in order of due time, each at its due time', async () => {
    const { time, scheduler, ran } = setup();
    for (const at of [300, 100, 200]) scheduler.schedule(at, () => ran.push(`${at}@${time.monotonic()}`));
    expect(scheduler.size).toBe(3);
    await time.tickAsync(150);
    expect(ran).toEqual(['100@100']);
    await time.tickAsync(1_000);
    expect(ran).toEqual(['100@100', '200@200', '300@300']);
    expect(scheduler.size).toBe(0);
  });

  it('runs tasks due at the same time in the order they were scheduled', async () => {
    const { time, scheduler, ran } = setup();
    for (const name of ['a', 'b', 'c', 'd', 'e']) scheduler.schedule(50, () => ran.push(name));
    scheduler.schedule(10, () => ran.push('first'));
    await time.tickAsync(50);
    expect(ran).toEqual(['first', 'a', 'b', 'c', 'd', 'e']);
  });

  it('keeps scheduling order for ties among many tasks (heap stability)', async () => {
    const { time, scheduler, ran } = setup();
    const expected: string[] = [];
    for (let i = 0; i < 200; i++) {
      const at = (i * 37) % 10;
      scheduler.schedule(at, () => ran.push(`${at}:${i}`));
    }
    for (let at = 0; at < 10; at++) for (let i = 0; i < 200; i++) if ((i * 37) % 10 === at) expected.push(`${at}:${i}`);
    await time.tickAsync(10);
    expect(ran).toEqual(expected);
  });

  it('runs a task already due on the next wake-up', async () => {
    const { time, scheduler, ran } = setup();
    await time.tickAsync(500);
    scheduler.schedule(100, () => ran.push(`late@${time.monotonic()}`));
    await time.tickAsync(0);
    expect(ran).toEqual(['late@500']);
  });

  it('drops a cancelled task; cancelling twice, or after it ran, is harmless', async () => {
    const { time, scheduler, ran } = setup();
    const a = scheduler.schedule(100, () => ran.push('a'));
    const b = scheduler.schedule(200, () => ran.push('b'));
    a.cancel();
    a.cancel();
    expect(scheduler.size).toBe(1);
    await time.tickAsync(300);
    expect(ran).toEqual(['b']);
    b.cancel();
    expect(scheduler.size).toBe(0);
    const c = scheduler.schedule(400, () => ran.push('c'));
    await time.tickAsync(100);
    expect(ran).toEqual(['b', 'c']);
    c.cancel();
    expect(scheduler.size).toBe(0);
  });

  it('re-arms when a task comes in earlier than the armed one', async () => {
    const { time, scheduler, ran } = setup();
    scheduler.schedule(1_000, () => ran.push(`late@${time.monotonic()}`));
    await time.tickAsync(10);
    scheduler.schedule(100, () => ran.push(`early@${time.monotonic()}`));
    // The one sleep waits for the earliest task only.
    expect(time.pendingCount).toBe(1);
    await time.tickAsync(90);
    expect(ran).toEqual(['early@100']);
    await time.tickAsync(900);
    expect(ran).toEqual(['early@100', 'late@1000']);
  });

  it('does not re-arm for a later task: one sleep for many tasks', async () => {
    const { time, scheduler } = setup();
    for (let i = 1; i <= 1_000; i++) scheduler.schedule(i, () => undefined);
    expect(time.pendingCount).toBe(1);
    await time.tickAsync(1_000);
    expect(scheduler.size).toBe(0);
  });

  it('re-arms past a cancelled top task', async () => {
    const { time, scheduler, ran } = setup();
    const first = scheduler.schedule(100, () => ran.push('first'));
    scheduler.schedule(300, () => ran.push(`second@${time.monotonic()}`));
    first.cancel();
    scheduler.schedule(200, () => ran.push(`third@${time.monotonic()}`));
    await time.tickAsync(1_000);
    expect(ran).toEqual(['third@200', 'second@300']);
  });

  it('keeps running the other tasks when one throws', async () => {
    const { time, scheduler, ran } = setup();
    scheduler.schedule(10, () => ran.push('before'));
    scheduler.schedule(10, () => {
      throw new Error('one player failed');
    });
    scheduler.schedule(10, () => ran.push('same time'));
    scheduler.schedule(20, () => ran.push('later'));
    await time.tickAsync(20);
    expect(ran).toEqual(['before', 'same time', 'later']);
  });

  it('lets a running task schedule more work, due now or later', async () => {
    const { time, scheduler, ran } = setup();
    scheduler.schedule(10, () => {
      ran.push('outer');
      scheduler.schedule(10, () => ran.push(`inner now@${time.monotonic()}`));
      scheduler.schedule(30, () => ran.push(`inner later@${time.monotonic()}`));
    });
    await time.tickAsync(50);
    expect(ran).toEqual(['outer', 'inner now@10', 'inner later@30']);
  });

  it('compacts the heap after many cancels and still runs the survivors in order', async () => {
    const { time, scheduler, ran } = setup();
    const tasks = Array.from({ length: 5_000 }, (_, i) => scheduler.schedule(1_000 + i, () => ran.push(String(i))));
    for (const [i, task] of tasks.entries()) if (i % 10 !== 0) task.cancel();
    expect(scheduler.size).toBe(500);
    await time.tickAsync(10_000);
    expect(ran).toEqual(Array.from({ length: 500 }, (_, i) => String(i * 10)));
    expect(scheduler.size).toBe(0);
  });

  it('close() drops every task and stops the timer; schedule then throws', async () => {
    const { time, scheduler, ran } = setup();
    const task = scheduler.schedule(100, () => ran.push('a'));
    scheduler.schedule(200, () => ran.push('b'));
    scheduler.close();
    expect(scheduler.size).toBe(0);
    expect(time.pendingCount).toBe(0);
    task.cancel();
    expect(scheduler.size).toBe(0);
    await time.tickAsync(1_000);
    expect(ran).toEqual([]);
    expect(codeOf(() => scheduler.schedule(2_000, () => ran.push('c')))).toBe('ILLEGAL_PLAYER_STATE');
  });

  it('stops mid-batch when a task closes the scheduler', async () => {
    const { time, scheduler, ran } = setup();
    scheduler.schedule(10, () => {
      ran.push('closer');
      scheduler.close();
    });
    scheduler.schedule(10, () => ran.push('after close'));
    await time.tickAsync(20);
    expect(ran).toEqual(['closer']);
    expect(time.pendingCount).toBe(0);
  });

  it('refuses a due time that is not a finite number, or a task that is not a function', async () => {
    const { time, scheduler, ran } = setup();
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '10', undefined]) {
      expect(codeOf(() => scheduler.schedule(bad as number, () => ran.push('bad')))).toBe('INVALID_ARGUMENT');
    }
    expect(codeOf(() => scheduler.schedule(10, 'run' as unknown as () => void))).toBe('INVALID_ARGUMENT');
    expect(scheduler.size).toBe(0);
    scheduler.schedule(10, () => ran.push('good'));
    await time.tickAsync(10);
    expect(ran).toEqual(['good']);
  });

  it('regression: a clock refusing a wait (auto simulated clock past its loop limit) no longer strands the tasks', async () => {
    const time = new SimulatedTimeProvider({ mode: 'auto', loopLimit: 5 });
    const scheduler = new PlaybackScheduler({ time });
    const ran: number[] = [];
    const all = new Promise<void>((resolve) => {
      for (let at = 1; at <= 20; at++) scheduler.schedule(at * 100, () => ran.push(at) === 20 && resolve());
    });
    await all;
    expect(ran).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('does not spin on a clock that always refuses to wait, and asks again on the next schedule()', async () => {
    const real = new SimulatedTimeProvider({ mode: 'manual' });
    let sleeps = 0;
    let refuse = true;
    const time: TimeProvider = {
      kind: 'simulated',
      now: () => real.now(),
      monotonic: () => real.monotonic(),
      sleep: (ms, signal) => {
        sleeps++;
        return refuse ? Promise.reject(new RangeError('refused')) : real.sleep(ms, signal);
      },
    };
    const scheduler = new PlaybackScheduler({ time });
    const ran: string[] = [];
    scheduler.schedule(100, () => ran.push('a'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(sleeps).toBe(4);
    expect(scheduler.size).toBe(1);
    refuse = false;
    scheduler.schedule(200, () => ran.push('b'));
    await real.tickAsync(200);
    expect(ran).toEqual(['a', 'b']);
  });

  it('uses the wall clock by default', () => {
    const scheduler = new PlaybackScheduler();
    expect(scheduler.time.kind).toBe('realtime');
    scheduler.close();
  });
});
