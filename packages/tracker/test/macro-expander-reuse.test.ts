import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulatedTimeProvider, createSeededRandom } from '@vast/time';
import { EncodedClockText } from '../src/encoded-clock-text.js';
import { MacroExpander, encodeMacroValue, formatTimecode, formatTimestamp, isTrackerError, type MacroContext, type MacroValue } from '../src/index.js';

const START = Date.UTC(2025, 0, 1, 12, 30, 45, 678);
const TEMPLATE =
  'https://t.example/v?ts=[TIMESTAMP]&cb=[CACHEBUSTING]&ph=[ADPLAYHEAD]&mp=[MEDIAPLAYHEAD]&cp=[CONTENTPLAYHEAD]' +
  '&ip=[DEVICEIP]&ua=[DEVICEUA]&uaid=[UNIVERSALADID]&e=[ERRORCODE]&a=[ASSETURI]&cua=[CLIENTUA]&x=[FOO]&ts2=[TIMESTAMP]';
const NAMES = ['DEVICEIP', 'DEVICEUA', 'UNIVERSALADID', 'TIMESTAMP', 'ADPLAYHEAD', 'CLIENTUA', 'FOO'] as const;

describe('MacroExpander reuses what a session repeats, and nothing stale', () => {
  it('gives what a new expander gives, whatever changes between beacons (property)', () => {
    const value = fc.oneof(
      fc.constantFrom('203.0.113.7', 'Mozilla/5.0 (TV)', 'a&b c', 'x'),
      fc.integer({ min: -5, max: 5 }),
      fc.boolean(),
      fc.array(fc.constantFrom('IAB1-1', 'x,y', 'ad-id.org CNPA0484000H'), { maxLength: 3 }),
    );
    const change = fc.record({
      session: fc.nat({ max: 2 }),
      // What changes in place before this beacon: a value replaced, removed, or an array element.
      name: fc.constantFrom(...NAMES),
      edit: fc.oneof(fc.constant<'none'>('none'), fc.constant<'delete'>('delete'), value, fc.constant<'push'>('push')),
      withheld: fc.option(fc.subarray([...NAMES]), { nil: undefined }),
      advanceMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 0, max: 90_000_000 })),
      playheadMs: fc.option(fc.oneof(fc.double({ min: -10, max: 400 * 3_600_000, noNaN: true }), fc.constant(Number.NaN)), {
        nil: undefined,
      }),
      errorCode: fc.option(fc.integer({ min: 100, max: 999 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 30 }), fc.integer({ min: -720, max: 840 }), (changes, offset) => {
        const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
        const options = { time, timezoneOffsetMinutes: offset, staticMacros: { CLIENTUA: 'mw/1.0' } };
        const reused = new MacroExpander({ ...options, random: createSeededRandom(5) });
        const freshRandom = createSeededRandom(5);
        const sessions: Record<string, MacroValue | undefined>[] = [0, 1, 2].map((i) => ({
          DEVICEIP: `203.0.113.${i}`,
          DEVICEUA: 'Mozilla/5.0 (TV)',
          UNIVERSALADID: ['ad-id.org CNPA0484000H'],
        }));
        for (const c of changes) {
          const values = sessions[c.session] as Record<string, MacroValue | undefined>;
          if (c.edit === 'delete') delete values[c.name];
          else if (c.edit === 'push') {
            const held = values[c.name];
            if (Array.isArray(held)) (held as string[]).push('pushed');
            else values[c.name] = ['pushed'];
          } else if (c.edit !== 'none') values[c.name] = c.edit;
          time.tick(c.advanceMs);
          const context: MacroContext = {
            values,
            withheld: c.withheld,
            adPlayheadMs: c.playheadMs,
            mediaPlayheadMs: c.playheadMs === undefined ? undefined : c.playheadMs / 2,
            errorCode: c.errorCode,
            assetUri: 'https://cdn.example/a b.mp4',
          };
          const fresh = new MacroExpander({ ...options, random: freshRandom });
          expect(reused.expand(TEMPLATE, context)).toBe(fresh.expand(TEMPLATE, context));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('sees a value changed in place in the same values object, array elements included', () => {
    const e = new MacroExpander({ time: new SimulatedTimeProvider({ startTime: START, mode: 'manual' }) });
    const ids = ['a'];
    const values: Record<string, MacroValue> = { DEVICEIP: '203.0.113.7', UNIVERSALADID: ids };
    const url = 'https://t.example/?ip=[DEVICEIP]&u=[UNIVERSALADID]';
    expect(e.expand(url, { values })).toBe('https://t.example/?ip=203.0.113.7&u=a');
    values.DEVICEIP = '203.0.113.8';
    ids.push('b c');
    expect(e.expand(url, { values })).toBe('https://t.example/?ip=203.0.113.8&u=a,b%20c');
    expect(e.expand(url, { values, withheld: ['DEVICEIP'] })).toBe('https://t.example/?ip=-2&u=a,b%20c');
    expect(e.expand(url, { values })).toBe('https://t.example/?ip=203.0.113.8&u=a,b%20c');
  });
});

describe('EncodedClockText', () => {
  it('gives the encoded formatTimestamp of any instant, across seconds and zones (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -720, max: 840 }),
        fc.array(fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.double({ min: -1e13, max: 1e13, noNaN: true })), {
          minLength: 1,
          maxLength: 20,
        }),
        (offset, instants) => {
          const text = new EncodedClockText(offset);
          for (const base of instants) {
            for (const at of [base, base + 1, base + 999, base + 1000]) {
              let expected: string;
              try {
                expected = encodeMacroValue(formatTimestamp(at, offset));
              } catch (error) {
                expect(isTrackerError(error) && error.code).toBe('INVALID_TRACKER_ARGUMENT');
                expect(() => text.timestamp(at)).toThrow(expect.objectContaining({ code: 'INVALID_TRACKER_ARGUMENT' }));
                continue;
              }
              expect(text.timestamp(at)).toBe(expected);
            }
          }
        },
      ),
    );
  });

  it('refuses an invalid time as formatTimestamp does, also after a valid one', () => {
    const text = new EncodedClockText(0);
    expect(text.timestamp(START)).toBe(encodeMacroValue(formatTimestamp(START)));
    expect(() => text.timestamp(Number.NaN)).toThrow(expect.objectContaining({ code: 'INVALID_TRACKER_ARGUMENT' }));
    expect(() => text.timestamp(8.64e15 + 1)).toThrow(expect.objectContaining({ code: 'INVALID_TRACKER_ARGUMENT' }));
    // The last valid millisecond, then the first invalid one of the same second.
    expect(text.timestamp(8.64e15)).toBe(encodeMacroValue(formatTimestamp(8.64e15)));
    expect(() => text.timestamp(8.64e15 + 1)).toThrow(expect.objectContaining({ code: 'INVALID_TRACKER_ARGUMENT' }));
  });

  it('gives formatTimecode with encoded colons for any playhead (property)', () => {
    const text = new EncodedClockText(0);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: false }),
          fc.integer({ min: 0, max: 100 * 3_600_000 + 5 }),
          fc.constantFrom(99 * 3_600_000 + 3_599_999.5, 100 * 3_600_000 - 0.5, 1e21, -0, Number.POSITIVE_INFINITY),
        ),
        (ms) => {
          expect(text.timecode(ms)).toBe(formatTimecode(ms).replaceAll(':', '%3A'));
        },
      ),
    );
  });
});
