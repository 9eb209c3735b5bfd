import { setImmediate as nextTurn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulatedTimeProvider, createSeededRandom } from '@vast/time';
import {
  EncodedMacroValues,
  MacroExpander,
  RecordingBeaconTransport,
  Tracker,
  encodeMacroValue,
  type MacroContext,
  type MacroScalar,
  type MacroSyntaxName,
  type MacroValue,
  type TrackingSet,
} from '../src/index.js';

const START = Date.UTC(2025, 0, 1, 12, 30, 45, 678);
const SYNTAXES: readonly MacroSyntaxName[] = ['iab', 'percent', 'dollar', 'brace'];
// The same names written in every syntax, an alias among them, beside generated and static ones.
const TEMPLATE =
  'https://t.example/v?ip=[DEVICEIP]&ua=%%DEVICEUA%%&u=${UNIVERSALADID}&s={site_id}&cb2={cb}&ip2={deviceip}' +
  '&ua2=[DEVICEUA]&u2=%%UNIVERSALADID%%&a=[ASSETURI]&ph=[ADPLAYHEAD]&ts=[TIMESTAMP]&cua=[CLIENTUA]&e=[ERRORCODE]';
const NAMES = ['DEVICEIP', 'DEVICEUA', 'UNIVERSALADID', 'SITE_ID', 'CACHEBUSTING', 'ASSETURI', 'CLIENTUA'] as const;

function expanderOptions(time: SimulatedTimeProvider) {
  return { time, macroSyntaxes: SYNTAXES, staticMacros: { CLIENTUA: 'mw/1.0 (x)' }, aliases: { CB: 'CACHEBUSTING' } };
}

/** Values with characters every syntax and the encoder must get right. */
const scalar = fc.oneof(
  fc.constantFrom('203.0.113.7', 'Mozilla/5.0 (TV; x) !*\'', 'a&b=c#d/e?f g+h', '%41', 'é', 'a\uD800b', '', ','),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(1e21, -0.12, Number.NaN),
  fc.boolean(),
);
const value: fc.Arbitrary<MacroValue> = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));

describe('EncodedMacroValues', () => {
  it('gives what an expander without one gives, whatever the caller changes between beacons (property)', () => {
    const change = fc.record({
      session: fc.nat({ max: 2 }),
      name: fc.constantFrom(...NAMES),
      // What the caller does before this beacon: nothing, a value replaced or removed, an array
      // changed in place (element pushed, replaced, removed), the whole values object replaced.
      edit: fc.oneof(
        fc.constant<'none'>('none'),
        fc.constant<'delete'>('delete'),
        fc.constant<'push'>('push'),
        fc.constant<'set0'>('set0'),
        fc.constant<'pop'>('pop'),
        fc.constant<'replace-object'>('replace-object'),
        value,
      ),
      element: scalar,
      withheld: fc.option(fc.subarray([...NAMES]), { nil: undefined }),
      playheadMs: fc.option(fc.integer({ min: 0, max: 90_000 }), { nil: undefined }),
      assetUri: fc.option(fc.constantFrom('https://cdn.example/a b.mp4', 'https://cdn.example/a.mp4'), { nil: undefined }),
      errorCode: fc.option(fc.integer({ min: 100, max: 902 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 40 }), (changes) => {
        const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
        const withEncoded = new MacroExpander({ ...expanderOptions(time), random: createSeededRandom(5) });
        const without = new MacroExpander({ ...expanderOptions(time), random: createSeededRandom(5) });
        const sessions = [0, 1, 2].map(
          (i): { values: Record<string, MacroValue | undefined>; encoded: EncodedMacroValues } => ({
            values: { DEVICEIP: `203.0.113.${i}`, DEVICEUA: 'Mozilla/5.0 (TV)', UNIVERSALADID: ['ad-id.org CNPA0484000H'] },
            encoded: new EncodedMacroValues(),
          }),
        );
        for (const c of changes) {
          const session = sessions[c.session] as (typeof sessions)[number];
          const values = session.values;
          const held = values[c.name];
          if (c.edit === 'delete') delete values[c.name];
          else if (c.edit === 'replace-object') session.values = { ...values };
          else if (c.edit === 'push' || c.edit === 'set0' || c.edit === 'pop') {
            if (!Array.isArray(held)) values[c.name] = [c.element];
            else if (c.edit === 'push') (held as MacroScalar[]).push(c.element);
            else if (c.edit === 'set0') (held as MacroScalar[])[0] = c.element;
            else (held as MacroScalar[]).pop();
          } else if (c.edit !== 'none') values[c.name] = c.edit;
          time.tick(7);
          const context: MacroContext = {
            values: session.values,
            withheld: c.withheld,
            adPlayheadMs: c.playheadMs,
            assetUri: c.assetUri,
            errorCode: c.errorCode,
          };
          expect(withEncoded.expand(TEMPLATE, context, session.encoded)).toBe(without.expand(TEMPLATE, context));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('encodes every supplied value as encodeMacroValue does, in every syntax', () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
    const e = new MacroExpander({ time, macroSyntaxes: SYNTAXES });
    const encoded = new EncodedMacroValues();
    const values: Record<string, MacroValue> = {
      DEVICEUA: "Mozilla/5.0 (TV; x) !*'",
      SITE_ID: 'a&b=c#d/e?f g+h',
      PCT: '%41',
      UTF: 'é a\uD800b',
      LIST: ['IAB1-1', 'a,b', 'c d', 1.5, true],
      NUM: 1e21,
    };
    const url = (name: string): string => `https://t.example/?a=[${name}]&b=%%${name}%%&c=\${${name}}&d={${name.toLowerCase()}}`;
    for (let beacon = 0; beacon < 2; beacon++) {
      for (const [name, v] of Object.entries(values)) {
        const text = encodeMacroValue(v);
        expect(e.expand(url(name), { values }, encoded), `${name}, beacon ${beacon}`).toBe(`https://t.example/?a=${text}&b=${text}&c=${text}&d=${text}`);
      }
    }
    // One entry per name used, whatever the number of syntaxes and beacons.
    expect(encoded.size).toBe(Object.keys(values).length);
  });

  it('encodes a value again when it is replaced, removed, or changed in place', () => {
    const e = new MacroExpander({ time: new SimulatedTimeProvider({ startTime: START, mode: 'manual' }) });
    const encoded = new EncodedMacroValues();
    const ids: MacroScalar[] = ['a b'];
    const values: Record<string, MacroValue | undefined> = { DEVICEUA: 'x y', UNIVERSALADID: ids };
    const url = 'https://t.example/?ua=[DEVICEUA]&u=[UNIVERSALADID]';
    const expand = (context: MacroContext = { values }) => e.expand(url, context, encoded);
    expect(expand()).toBe('https://t.example/?ua=x%20y&u=a%20b');
    values.DEVICEUA = 'x&y';
    ids[0] = 'c,d';
    expect(expand()).toBe('https://t.example/?ua=x%26y&u=c%2Cd');
    ids.push('e f');
    expect(expand()).toBe('https://t.example/?ua=x%26y&u=c%2Cd,e%20f');
    ids[1] = 'g';
    expect(expand()).toBe('https://t.example/?ua=x%26y&u=c%2Cd,g');
    ids.length = 0;
    expect(expand()).toBe('https://t.example/?ua=x%26y&u=');
    values.UNIVERSALADID = 'c,d';
    values.DEVICEUA = undefined;
    expect(expand()).toBe('https://t.example/?ua=-1&u=c%2Cd');
    // The same text from a scalar, a one-element array and a number.
    values.UNIVERSALADID = ['c,d'];
    expect(expand()).toBe('https://t.example/?ua=-1&u=c%2Cd');
    values.UNIVERSALADID = 7;
    expect(expand()).toBe('https://t.example/?ua=-1&u=7');
    values.UNIVERSALADID = '7';
    expect(expand()).toBe('https://t.example/?ua=-1&u=7');
    values.UNIVERSALADID = [true];
    expect(expand()).toBe('https://t.example/?ua=-1&u=1');
    // Another values object for the same session, then a withheld name.
    expect(expand({ values: { DEVICEUA: 'z z', UNIVERSALADID: [] } })).toBe('https://t.example/?ua=z%20z&u=');
    expect(expand({ values: { DEVICEUA: 'z z' }, withheld: ['DEVICEUA'] })).toBe('https://t.example/?ua=-2&u=-1');
    expect(encoded.size).toBe(2);
  });

  it('is shared safely by expanders of other syntaxes and static values', () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
    const encoded = new EncodedMacroValues();
    const values = { DEVICEUA: 'a b' };
    const iab = new MacroExpander({ time, staticMacros: { DEVICEUA: 'static' } });
    const percent = new MacroExpander({ time, macroSyntaxes: ['percent'] });
    expect(iab.expand('https://t.example/?ua=[DEVICEUA]&p=%%DEVICEUA%%', { values }, encoded)).toBe('https://t.example/?ua=a%20b&p=%%DEVICEUA%%');
    expect(percent.expand('https://t.example/?ua=[DEVICEUA]&p=%%DEVICEUA%%', { values }, encoded)).toBe('https://t.example/?ua=a%20b&p=a%20b');
    // Not supplied: the static value, which the session's encodings do not hold.
    expect(iab.expand('https://t.example/?ua=[DEVICEUA]', {}, encoded)).toBe('https://t.example/?ua=static');
  });

  it('keeps at most 32 names, and expands correctly beyond them', () => {
    const e = new MacroExpander({ time: new SimulatedTimeProvider({ startTime: START, mode: 'manual' }) });
    const encoded = new EncodedMacroValues();
    const names = Array.from({ length: 40 }, (_, i) => `N${i}`);
    const values = Object.fromEntries(names.map((name) => [name, `${name} v`]));
    const url = `https://t.example/?${names.map((name) => `${name}=[${name}]`).join('&')}`;
    const expected = `https://t.example/?${names.map((name) => `${name}=${name}%20v`).join('&')}`;
    expect(e.expand(url, { values }, encoded)).toBe(expected);
    expect(e.expand(url, { values }, encoded)).toBe(expected);
    expect(encoded.size).toBe(32);
  });

  it('is not kept by the expander once the session lets go of it', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
    const expander = new MacroExpander({ time });
    const tracking: TrackingSet = {
      levels: [{ impressions: ['https://t.example/i?ua=[DEVICEUA]&u=[UNIVERSALADID]&a=[ASSETURI]'], errors: [], events: [{ event: 'start', url: 'https://t.example/s?ua=[DEVICEUA]' }] }],
    };
    const refs = await (async () => {
      const values = { DEVICEUA: 'session ua', UNIVERSALADID: ['ad-id.org X'] };
      const encoded = new EncodedMacroValues();
      expect(expander.expand('https://t.example/?ua=[DEVICEUA]', { values }, encoded)).toBe('https://t.example/?ua=session%20ua');
      const transport = new RecordingBeaconTransport();
      const tracker = new Tracker({ tracking, transport, time, expander, context: { values, assetUri: 'https://cdn.example/a b.mp4' } });
      tracker.track('impression');
      tracker.track('start');
      await tracker.settled();
      expect(transport.beacons().map((b) => b.url)).toEqual([
        'https://t.example/i?ua=session%20ua&u=ad-id.org%20X&a=https%3A%2F%2Fcdn.example%2Fa%20b.mp4',
        'https://t.example/s?ua=session%20ua',
      ]);
      return [new WeakRef(values), new WeakRef(encoded), new WeakRef(tracker)];
    })();
    // WeakRefs hold their targets until the job that made them ends.
    await nextTurn();
    gc();
    expect(refs.map((ref) => ref.deref())).toEqual([undefined, undefined, undefined]);
    // The expander still works (and still has the URLs compiled).
    expect(expander.cacheSize).toBe(3);
  });
});

describe('Tracker: a session encodes its values once, and again when they change', () => {
  it('fills each beacon with the values as they are when it fires', async () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
    const tracking: TrackingSet = {
      levels: [
        {
          impressions: ['https://t.example/i?ua=[DEVICEUA]&u=[UNIVERSALADID]'],
          errors: [],
          events: [
            { event: 'start', url: 'https://t.example/s?ua=[DEVICEUA]&u=[UNIVERSALADID]' },
            { event: 'pause', url: 'https://t.example/p?ua=[DEVICEUA]&u=[UNIVERSALADID]' },
            { event: 'resume', url: 'https://t.example/r?ua=[DEVICEUA]&u=[UNIVERSALADID]' },
          ],
        },
      ],
    };
    const ids = ['a b'];
    const values: Record<string, MacroValue> = { DEVICEUA: 'x y', UNIVERSALADID: ids };
    const transport = new RecordingBeaconTransport();
    const tracker = new Tracker({ tracking, transport, time, expander: new MacroExpander({ time }), context: { values } });
    tracker.track('impression');
    values.DEVICEUA = 'x&y';
    tracker.track('start');
    ids.push('c');
    tracker.track('pause', { values: { DEVICEUA: 'event ua' } });
    tracker.track('resume');
    await tracker.settled();
    expect(transport.beacons().map((b) => b.url)).toEqual([
      'https://t.example/i?ua=x%20y&u=a%20b',
      'https://t.example/s?ua=x%26y&u=a%20b',
      'https://t.example/p?ua=event%20ua&u=a%20b,c',
      'https://t.example/r?ua=x%26y&u=a%20b,c',
    ]);
  });
});
