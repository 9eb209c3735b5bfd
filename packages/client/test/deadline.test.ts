import { SimulatedTimeProvider } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { DeadlineScheduler, type HopSignal } from '../src/deadline.js';

function setup(): { clock: SimulatedTimeProvider; deadlines: DeadlineScheduler } {
  const clock = new SimulatedTimeProvider({ mode: 'manual' });
  return { clock, deadlines: new DeadlineScheduler(clock) };
}

/** Lets the promise jobs and `process.nextTick` callbacks queued so far run. */
function endOfTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function timedOut(signal: HopSignal): boolean {
  return signal.aborted && (signal.reason as DOMException).name === 'TimeoutError';
}

describe('DeadlineScheduler: many deadlines on one timer', () => {
  it('fires each deadline at its own time, whatever order they were started in', async () => {
    const { clock, deadlines } = setup();
    const a = deadlines.start(4000, 'a', undefined);
    clock.tick(1000);
    const b = deadlines.start(4000, 'b', undefined);
    const short = deadlines.start(500, 'short', undefined);
    const shorter = deadlines.start(200, 'shorter', undefined);
    clock.tick(199);
    expect([short, shorter].map((d) => d.signal.aborted)).toEqual([false, false]);
    await clock.tickAsync(1);
    expect(timedOut(shorter.signal)).toBe(true);
    expect(shorter.expired()).toBe(true);
    expect(short.signal.aborted).toBe(false);
    await clock.tickAsync(300);
    expect(timedOut(short.signal)).toBe(true);
    await clock.tickAsync(2499);
    expect(a.signal.aborted).toBe(false);
    await clock.tickAsync(1);
    expect(timedOut(a.signal)).toBe(true);
    expect((a.signal.reason as DOMException).message).toBe('a');
    expect(b.signal.aborted).toBe(false);
    await clock.tickAsync(1000);
    expect(b.expired()).toBe(true);
    expect(clock.pendingCount).toBe(0);
  });

  it('never fires a disposed deadline, and leaves nothing scheduled once all are disposed', async () => {
    const { clock, deadlines } = setup();
    const first = deadlines.start(1000, 'first', undefined);
    const second = deadlines.start(1000, 'second', undefined);
    clock.tick(10);
    const third = deadlines.start(1000, 'third', undefined);
    first.dispose();
    expect(clock.pendingCount).toBe(1);
    await clock.tickAsync(990);
    expect([first.signal.aborted, second.signal.aborted, third.signal.aborted]).toEqual([false, true, false]);
    third.dispose();
    second.dispose();
    await endOfTick();
    expect(clock.pendingCount).toBe(0);
    await clock.tickAsync(5000);
    expect(third.signal.aborted).toBe(false);
    expect(third.expired()).toBe(false);
  });

  it('keeps the queue short over many deadlines that end in order', async () => {
    const { clock, deadlines } = setup();
    const keep = deadlines.start(10_000, 'keep', undefined);
    for (let i = 0; i < 3000; i++) deadlines.start(5000, String(i), undefined).dispose();
    const late = Array.from({ length: 3000 }, (_, i) => deadlines.start(5000, `late${i}`, undefined));
    for (const d of late.slice(0, 2999)) d.dispose();
    await clock.tickAsync(5000);
    expect(late[2999]?.expired()).toBe(true);
    expect(late[0]?.signal.aborted).toBe(false);
    expect(keep.signal.aborted).toBe(false);
    await clock.tickAsync(5000);
    expect(keep.expired()).toBe(true);
  });

  it('follows the caller signal, before and during the deadline', async () => {
    const { clock, deadlines } = setup();
    const caller = new AbortController();
    const linked = deadlines.start(1000, 'x', caller.signal);
    caller.abort(new Error('stop'));
    expect(linked.signal.reason).toEqual(new Error('stop'));
    expect(linked.expired()).toBe(false);
    linked.dispose();
    const already = deadlines.start(1000, 'y', caller.signal);
    expect(already.signal.aborted).toBe(true);
    already.dispose();
    const untimed = deadlines.start(Number.POSITIVE_INFINITY, 'z', undefined);
    await endOfTick();
    expect(clock.pendingCount).toBe(0);
    untimed.dispose();
  });

  it('keeps its sleep for a deadline started in the same tick as the last one ended, and still fires it on time', async () => {
    const { clock, deadlines } = setup();
    deadlines.start(1000, 'first', undefined).dispose();
    clock.tick(10);
    const next = deadlines.start(1000, 'next', undefined);
    await endOfTick();
    expect(clock.pendingCount).toBe(1);
    await clock.tickAsync(990);
    expect(next.signal.aborted).toBe(false);
    await clock.tickAsync(10);
    expect(timedOut(next.signal)).toBe(true);
    expect(clock.pendingCount).toBe(0);
  });

  it('cancels its sleep at the end of the tick in which the last deadline ended', async () => {
    const { clock, deadlines } = setup();
    const only = deadlines.start(1000, 'only', undefined);
    only.dispose();
    await endOfTick();
    expect(clock.pendingCount).toBe(0);
    await clock.tickAsync(2000);
    expect(only.signal.aborted).toBe(false);
  });
});
