import { describe, expect, it } from 'vitest';
import { TickBatches, type PendingItem } from '../src/tick-batches.js';

describe('TickBatches: the items of one tick in batches of at most maxBatch', () => {
  it('writes the items added before the flush together, split at maxBatch, and settles each as the write says', async () => {
    const writes: number[][] = [];
    const batches = new TickBatches<number>(3, queueMicrotask, (batch) => {
      writes.push(batch.map(({ item }) => item));
      for (const { item, resolve, reject } of batch) {
        if (item % 2 === 0) resolve();
        else reject(new Error(`odd ${item}`));
      }
      return Promise.resolve();
    });
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6, 7].map((n) => batches.add(n)));
    expect(writes).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    // A later add starts a new batch.
    await batches.add(8);
    expect(writes.at(-1)).toEqual([8]);
  });

  it('a write that throws fails the items it had not settled, and keeps those it had', async () => {
    const batches = new TickBatches<string>(10, queueMicrotask, (batch: readonly PendingItem<string>[]) => {
      batch[0]?.resolve();
      return Promise.reject(new Error('Redis refused'));
    });
    const [first, second] = await Promise.allSettled([batches.add('a'), batches.add('b')]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { message: 'Redis refused' } });
  });
});
