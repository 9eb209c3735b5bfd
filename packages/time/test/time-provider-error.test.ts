import { describe, expect, it } from 'vitest';
import { SimulatedTimeProvider, TimerLoopLimitError, isTimeProviderError } from '../src/index.js';

describe('TimerLoopLimitError', () => {
  it('shows the virtual time as ISO text, or as a number when it is past the range of Date', () => {
    expect(new TimerLoopLimitError(5, Date.UTC(2025, 0, 1)).message).toContain('2025-01-01T00:00:00.000Z');
    expect(new TimerLoopLimitError(5, 9e15).message).toContain('virtual time 9000000000000000');
  });

  it('is raised at a start time far in the future without failing to format itself', async () => {
    const time = new SimulatedTimeProvider({ startTime: 9e15, loopLimit: 3 });
    const runaway = (async () => {
      for (;;) await time.sleep(1);
    })();
    await expect(runaway).rejects.toBeInstanceOf(TimerLoopLimitError);
  });
});

describe('isTimeProviderError', () => {
  it('recognizes errors of this package by brand, not by class identity', () => {
    const error = new TimerLoopLimitError(1, 0);
    expect(isTimeProviderError(error)).toBe(true);
    // What a second installed copy looks like: another class, the same global symbol.
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@vast/time.TimeProviderError')]: true });
    expect(isTimeProviderError(foreign)).toBe(true);
    expect(isTimeProviderError(new Error('x'))).toBe(false);
    expect(isTimeProviderError(null)).toBe(false);
    expect(isTimeProviderError('TIME_LOOP_LIMIT')).toBe(false);
  });
});
