import { describe, expect, it } from 'vitest';
import { SimulatedTimeProvider } from '@vast/time';
import { DeadlineWatch } from '../src/deadline-watch.js';

/** Lets the promise callbacks queued so far run. */
const settle = () => new Promise((resolve) => globalThis.setImmediate(resolve));

describe('DeadlineWatch: many waits bounded by one timer', () => {
  it('passes through what the work resolves or rejects with', async () => {
    const watch = new DeadlineWatch(new SimulatedTimeProvider({ mode: 'manual' }), 1000);
    await expect(watch.bound(Promise.resolve(42), 'reading')).resolves.toBe(42);
    await expect(watch.bound(Promise.reject(new Error('WRONGTYPE')), 'recording')).rejects.toThrow('WRONGTYPE');
    // A non-Error rejection (any library may reject so) still comes out as an Error.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    await expect(watch.bound(Promise.reject('a string'), 'recording')).rejects.toThrow('a string');
  });

  it('fails a wait past its deadline, naming it, while the others go on', async () => {
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const watch = new DeadlineWatch(time, 1000);
    const late = watch.bound(new Promise<never>(() => undefined), 'recording the outcome');
    const outcome = late.then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    time.tick(500);
    await settle();
    let release: (value: string) => void = () => undefined;
    const later = watch.bound(new Promise<string>((resolve) => (release = resolve)), 'reading the outcome');
    time.tick(250);
    await settle();
    time.tick(250);
    await settle();
    expect(await outcome).toBe('recording the outcome: Redis did not answer within 1000 ms');
    release('known');
    await expect(later).resolves.toBe('known');
  });

  it('close() stops the timer: a wait still watched is no longer bounded', async () => {
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const watch = new DeadlineWatch(time, 100);
    let settled = false;
    void watch.bound(new Promise<never>(() => undefined), 'reading').catch(() => (settled = true));
    watch.close();
    await settle();
    time.tick(1000);
    await settle();
    expect(settled).toBe(false);
    // Usable again after close: a new wait starts a new timer.
    await expect(watch.bound(Promise.resolve('again'), 'reading')).resolves.toBe('again');
  });
});
