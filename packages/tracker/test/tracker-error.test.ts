import { InterruptionOutcomeSchema } from '@vast/config';
import { isVastErrorCode } from '@vast/error-codes';
import { isVastErrorCode as isVastErrorCodeOfParser } from '@vast/parser';
import { SimulatedTimeProvider } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { MacroExpander, RecordingBeaconTransport, Tracker, TrackerError, formatTimestamp, isTrackerError } from '../src/index.js';

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

function tracker(): Tracker {
  return new Tracker({
    tracking: { levels: [{ impressions: [], errors: ['https://t.test/err?code=[ERRORCODE]'], events: [] }] },
    transport: new RecordingBeaconTransport(),
    time: new SimulatedTimeProvider({ mode: 'manual' }),
  });
}

describe('TrackerError', () => {
  it('is what the argument checks throw, with the code INVALID_TRACKER_ARGUMENT', () => {
    const thrown = [
      thrownBy(() => new MacroExpander({ maxTemplates: 0, time: new SimulatedTimeProvider() })),
      thrownBy(() => formatTimestamp(Number.NaN)),
      thrownBy(() => tracker().error(42)),
    ];
    for (const error of thrown) {
      expect(isTrackerError(error)).toBe(true);
      expect(error).toMatchObject({ name: 'TrackerError', code: 'INVALID_TRACKER_ARGUMENT' });
    }
  });

  it('is recognised by its Symbol.for brand, also from another copy of the package, and nothing else is', () => {
    expect(isTrackerError(new TrackerError('INVALID_TRACKER_ARGUMENT', 'x'))).toBe(true);
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@vast/tracker.TrackerError')]: true });
    expect(isTrackerError(foreign)).toBe(true);
    expect(isTrackerError(Object.assign(new RangeError('x'), { code: 'INVALID_TRACKER_ARGUMENT' }))).toBe(false);
    expect(isTrackerError(null)).toBe(false);
  });
});

describe('tracker.error(code): the IAB range 100 to 902', () => {
  it('fires for 100 and 902', () => {
    for (const code of [100, 902]) expect(tracker().error(code).map((b) => b.url)).toEqual([`https://t.test/err?code=${code}`]);
  });

  it('refuses 99, 903 and non-integers', () => {
    for (const code of [99, 903, 999, 100.5, Number.NaN]) {
      expect(thrownBy(() => tracker().error(code)), String(code)).toMatchObject({ code: 'INVALID_TRACKER_ARGUMENT' });
    }
  });

  it('agrees with isVastErrorCode of @vast/error-codes (the parser re-exports that one) and the interruption outcomes of @vast/config', () => {
    expect(isVastErrorCodeOfParser).toBe(isVastErrorCode);
    for (const code of [99, 100, 101.5, 404, 902, 903, 999, Number.NaN, Number.POSITIVE_INFINITY]) {
      const accepted = thrownBy(() => tracker().error(code)) === undefined;
      expect(accepted, String(code)).toBe(isVastErrorCode(code));
      expect(InterruptionOutcomeSchema.safeParse({ kind: 'failed', errorCode: code }).success, String(code)).toBe(accepted);
    }
  });
});
