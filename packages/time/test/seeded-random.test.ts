import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../src/index.js';

describe('createSeededRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    expect(a.seed).toBe(42);
  });

  it('stays in [0, 1) and int stays in [min, max] for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(50), (seed, min, span) => {
        const random = createSeededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const x = random.next();
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
          const n = random.int(min, min + span);
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(min);
          expect(n).toBeLessThanOrEqual(min + span);
        }
      }),
    );
  });

  it('spreads draws roughly evenly over ten buckets', () => {
    const random = createSeededRandom(7);
    const buckets = Array.from({ length: 10 }, () => 0);
    for (let i = 0; i < 10_000; i++) {
      const k = random.int(0, 9);
      buckets[k] = (buckets[k] ?? 0) + 1;
    }
    for (const count of buckets) {
      expect(count).toBeGreaterThan(800);
      expect(count).toBeLessThan(1200);
    }
  });

  it('rejects seeds and bounds that are not integers', () => {
    expect(() => createSeededRandom(1.5)).toThrow(expect.objectContaining({ code: 'TIME_INVALID_ARGUMENT' }));
    const random = createSeededRandom(1);
    expect(() => random.int(5, 4)).toThrow(expect.objectContaining({ code: 'TIME_INVALID_ARGUMENT' }));
    expect(() => random.int(0.5, 4)).toThrow(expect.objectContaining({ code: 'TIME_INVALID_ARGUMENT' }));
  });
});
