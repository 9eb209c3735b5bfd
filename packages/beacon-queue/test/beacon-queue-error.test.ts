import { describe, expect, it } from 'vitest';
import { BeaconQueue, BeaconQueueError, BeaconWorker, isBeaconQueueError } from '../src/index.js';

/** The error a constructor throws, or undefined. */
function thrownBy(make: () => unknown): unknown {
  try {
    make();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('BeaconQueueError: options out of range are refused before anything connects', () => {
  // Port 1: nothing listens there; a constructor that got as far as connecting would not throw.
  const connection = { port: 1 };

  it.each([
    ['maxBatch', { maxBatch: 0 }],
    ['maxBatch', { maxBatch: 1001 }],
    ['maxBatch', { maxBatch: 2.5 }],
    ['enqueueTimeoutMs', { enqueueTimeoutMs: 0 }],
    ['closeTimeoutMs', { closeTimeoutMs: 0 }],
    ['retentionMs', { retentionMs: Number.NaN }],
  ])('BeaconQueue: %s in %o', (path, options) => {
    const error = thrownBy(() => new BeaconQueue({ connection, ...options }));
    expect(isBeaconQueueError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_BEACON_QUEUE_OPTIONS', path, name: 'BeaconQueueError' });
  });

  it.each([
    ['concurrency', { concurrency: 0 }],
    ['attempts', { attempts: 1.5 }],
    ['initialDelayMs', { initialDelayMs: -1 }],
    ['retryWindowMs', { retryWindowMs: 0 }],
    ['outcomeStreamLength', { outcomeStreamLength: -1 }],
    ['closeTimeoutMs', { closeTimeoutMs: Number.NaN }],
    ['perHostRateLimit.max', { perHostRateLimit: { max: 0, durationMs: 1000 } }],
    ['perHostRateLimit.durationMs', { perHostRateLimit: { max: 5, durationMs: Number.POSITIVE_INFINITY } }],
  ])('BeaconWorker: %s in %o', (path, options) => {
    const error = thrownBy(() => new BeaconWorker({ connection, autorun: false, ...options }));
    expect(error).toBeInstanceOf(BeaconQueueError);
    expect(error).toMatchObject({ code: 'INVALID_BEACON_QUEUE_OPTIONS', path });
    expect((error as Error).message).toContain(path);
  });

  it('watchOutcomes refuses a batch size or wait out of range', async () => {
    const queue = new BeaconQueue({ connection });
    expect(thrownBy(() => queue.watchOutcomes({ batchSize: 0 }))).toMatchObject({ code: 'INVALID_BEACON_QUEUE_OPTIONS', path: 'batchSize' });
    expect(thrownBy(() => queue.watchOutcomes({ blockMs: -5 }))).toMatchObject({ code: 'INVALID_BEACON_QUEUE_OPTIONS', path: 'blockMs' });
    expect(thrownBy(() => queue.watchOutcomes({ after: 'yesterday' }))).toMatchObject({ code: 'INVALID_BEACON_QUEUE_OPTIONS', path: 'after' });
    await queue.close();
  });

  it('the guard works across copies (a Symbol.for brand) and says no to other errors', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@vast/beacon-queue.BeaconQueueError')]: true });
    expect(isBeaconQueueError(foreign)).toBe(true);
    expect(isBeaconQueueError(new Error('x'))).toBe(false);
    expect(isBeaconQueueError(null)).toBe(false);
  });
});
