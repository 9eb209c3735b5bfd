import { describe, expect, it } from 'vitest';
import { QuartileTracker, type ProgressOffset } from '../src/index.js';

const types = (marks: readonly { type: string }[]) => marks.map((m) => m.type);

describe('QuartileTracker', () => {
  it('fires each quartile once, when the playhead reaches 25%, 50% and 75%', () => {
    const tracker = new QuartileTracker({ duration: 40_000 });
    expect(tracker.unavailableReason).toBeNull();
    expect(tracker.maxPosition).toBeNull();
    expect(tracker.update(0)).toEqual([]);
    expect(tracker.update(9_999)).toEqual([]);
    expect(tracker.update(10_000)).toEqual([{ type: 'firstQuartile', at: 10_000 }]);
    expect(tracker.update(10_500)).toEqual([]);
    expect(types(tracker.update(20_000))).toEqual(['midpoint']);
    expect(types(tracker.update(30_001))).toEqual(['thirdQuartile']);
    expect(tracker.update(40_000)).toEqual([]);
    expect(tracker.maxPosition).toBe(40_000);
  });

  it('fires every quartile passed by a forward seek, in order', () => {
    const tracker = new QuartileTracker({ duration: 30_000 });
    expect(types(tracker.update(29_000))).toEqual(['firstQuartile', 'midpoint', 'thirdQuartile']);
  });

  it('fires nothing again after seeking back, and nothing twice when passing again', () => {
    const tracker = new QuartileTracker({ duration: 30_000 });
    expect(types(tracker.update(16_000))).toEqual(['firstQuartile', 'midpoint']);
    expect(tracker.update(1_000)).toEqual([]);
    expect(tracker.maxPosition).toBe(16_000);
    expect(tracker.update(16_000)).toEqual([]);
    expect(types(tracker.update(23_000))).toEqual(['thirdQuartile']);
  });

  it('has no quartiles with an unknown or zero duration, and says why', () => {
    const unknown = new QuartileTracker({ duration: null });
    expect(unknown.unavailableReason).toBe('unknown-duration');
    expect(unknown.update(1_000_000)).toEqual([]);
    const zero = new QuartileTracker({ duration: 0 });
    expect(zero.unavailableReason).toBe('zero-duration');
    expect(zero.update(0)).toEqual([]);
    expect(zero.update(5)).toEqual([]);
  });

  it('fires progress offsets given as time or percent, interleaved with quartiles in media order', () => {
    const tracker = new QuartileTracker({
      duration: 20_000,
      progressOffsets: [
        { type: 'percent', percent: 60 },
        { type: 'time', seconds: 5 },
        { type: 'time', seconds: 2 },
      ],
    });
    expect(tracker.update(2_000)).toEqual([{ type: 'progress', at: 2_000, offset: { type: 'time', seconds: 2 } }]);
    // 5 s is both the first quartile of 20 s and an offset: the quartile comes first.
    expect(tracker.update(13_000)).toEqual([
      { type: 'firstQuartile', at: 5_000 },
      { type: 'progress', at: 5_000, offset: { type: 'time', seconds: 5 } },
      { type: 'midpoint', at: 10_000 },
      { type: 'progress', at: 12_000, offset: { type: 'percent', percent: 60 } },
    ]);
  });

  it('still fires time offsets when the duration is unknown, but not percent offsets', () => {
    const tracker = new QuartileTracker({
      duration: null,
      progressOffsets: [
        { type: 'percent', percent: 10 },
        { type: 'time', seconds: 3 },
      ],
    });
    expect(tracker.update(100_000)).toEqual([{ type: 'progress', at: 3_000, offset: { type: 'time', seconds: 3 } }]);
  });

  it('fires an offset at 0 on the first update', () => {
    const tracker = new QuartileTracker({ duration: 10_000, progressOffsets: [{ type: 'percent', percent: 0 }] });
    expect(types(tracker.update(0))).toEqual(['progress']);
    expect(tracker.update(0)).toEqual([]);
  });

  it('resumes from a furthest position: marks up to it count as fired', () => {
    const tracker = new QuartileTracker({ duration: 30_000, maxPosition: 16_000 });
    expect(tracker.maxPosition).toBe(16_000);
    expect(types(tracker.update(30_000))).toEqual(['thirdQuartile']);
  });

  it('rejects invalid durations, offsets and positions', () => {
    expect(() => new QuartileTracker({ duration: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
    expect(() => new QuartileTracker({ duration: Number.POSITIVE_INFINITY })).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
    expect(() => new QuartileTracker({ duration: 1_000, progressOffsets: [{ type: 'percent', percent: 101 }] })).toThrow(
      /progressOffsets\[0\]: percent must be a finite number from 0 to 100/,
    );
    const unknownType = { type: 'ms', seconds: 1 } as unknown as ProgressOffset;
    expect(() => new QuartileTracker({ duration: 1_000, progressOffsets: [unknownType] })).toThrow(/type must be 'time' or 'percent'/);
    expect(() => new QuartileTracker({ duration: 1_000, progressOffsets: [{ type: 'time', seconds: -1 }] })).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
    const tracker = new QuartileTracker({ duration: 1_000 });
    expect(() => tracker.update(-1)).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
    expect(() => tracker.update(Number.NaN)).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
  });
});

describe('QuartileTracker offsets', () => {
  it('keeps its own frozen copies: changing the caller’s offsets later changes nothing', () => {
    const offset = { type: 'time', seconds: 2 } as { type: 'time'; seconds: number };
    const tracker = new QuartileTracker({ duration: 10_000, progressOffsets: [offset] });
    offset.seconds = 9;
    expect(tracker.progressOffsets).toEqual([{ type: 'time', seconds: 2 }]);
    expect(Object.isFrozen(tracker.progressOffsets[0])).toBe(true);
    expect(tracker.update(2_000).map((m) => m.type)).toEqual(['progress']);
  });
});

describe('QuartileTracker.nextMarkAt', () => {
  it('names the position of the next mark not yet crossed, then null', () => {
    const tracker = new QuartileTracker({ duration: 8_000, progressOffsets: [{ type: 'time', seconds: 1 }] });
    expect(tracker.nextMarkAt).toBe(1_000);
    tracker.update(1_500);
    expect(tracker.nextMarkAt).toBe(2_000);
    tracker.update(7_000);
    expect(tracker.nextMarkAt).toBeNull();
    const resumed = new QuartileTracker({ duration: 8_000, maxPosition: 4_000 });
    expect(resumed.nextMarkAt).toBe(6_000);
  });
});
