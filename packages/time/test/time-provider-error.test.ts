import { describe, expect, it } from 'vitest';
import {
  RealtimeTimeProvider,
  SimulatedTimeProvider,
  TimeProviderError,
  TimerLoopLimitError,
  createSeededRandom,
  createTimeProvider,
  detectPlaybackEnvironment,
  isTimeProviderError,
} from '../src/index.js';

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

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

describe('argument checks', () => {
  it('throw TIME_INVALID_ARGUMENT, a TimeProviderError, for caller bugs', async () => {
    const thrown = [
      thrownBy(() => createSeededRandom(1.5)),
      thrownBy(() => createSeededRandom(42).int(3, 2)),
      thrownBy(() => new SimulatedTimeProvider({ loopLimit: 0 })),
      thrownBy(() => new SimulatedTimeProvider({ startTime: Number.POSITIVE_INFINITY })),
      thrownBy(() => createTimeProvider('fast' as 'auto')),
      await new SimulatedTimeProvider().sleep(-1).catch((error: unknown) => error),
      await new RealtimeTimeProvider().sleep(Number.NaN).catch((error: unknown) => error),
    ];
    for (const error of thrown) {
      expect(isTimeProviderError(error)).toBe(true);
      expect(error).toBeInstanceOf(TimeProviderError);
      expect((error as TimeProviderError).code).toBe('TIME_INVALID_ARGUMENT');
    }
  });

  it('throw TIME_INVALID_ENVIRONMENT for a VAST_PLAYBACK_MODE nobody knows', () => {
    const error = thrownBy(() => detectPlaybackEnvironment({ VAST_PLAYBACK_MODE: 'fast' }, 'linux'));
    expect(isTimeProviderError(error) && error.code).toBe('TIME_INVALID_ENVIRONMENT');
    const auto = thrownBy(() => createTimeProvider({ mode: 'auto', env: { VAST_PLAYBACK_MODE: 'fast' } }));
    expect(isTimeProviderError(auto) && auto.code).toBe('TIME_INVALID_ENVIRONMENT');
  });
});
