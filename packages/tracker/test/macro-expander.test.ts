import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulatedTimeProvider, createSeededRandom } from '@vast/time';
import { IAB_MACROS, MacroExpander, createSystemRandom, type MacroExpanderOptions } from '../src/index.js';

const START = Date.UTC(2025, 0, 1, 12, 30, 45, 678);

function expander(options: Partial<MacroExpanderOptions> = {}): MacroExpander {
  return new MacroExpander({
    time: new SimulatedTimeProvider({ startTime: START, mode: 'manual' }),
    random: createSeededRandom(7),
    ...options,
  });
}

describe('MacroExpander: IAB rules', () => {
  it('replaces the whole [NAME] with the encoded value', () => {
    const url = expander().expand('https://t.example/p?ip=[DEVICEIP]&ua=[DEVICEUA]', {
      values: { DEVICEIP: '203.0.113.7', DEVICEUA: 'Mozilla/5.0 (TV)' },
    });
    expect(url).toBe('https://t.example/p?ip=203.0.113.7&ua=Mozilla%2F5.0%20%28TV%29');
  });

  it('writes -1 for every known macro not supplied', () => {
    const e = expander();
    for (const { name } of IAB_MACROS) {
      if (name === 'TIMESTAMP' || name === 'CACHEBUSTING') continue;
      expect(e.expand(`https://t.example/?m=[${name}]`), name).toBe('https://t.example/?m=-1');
    }
  });

  it('writes -2 for a macro withheld by policy, even when a value is known', () => {
    const url = expander({ staticMacros: { IFA: 'static-ifa' } }).expand('https://t.example/?ifa=[IFA]&ip=[DEVICEIP]&ts=[TIMESTAMP]', {
      values: { DEVICEIP: '203.0.113.7' },
      withheld: ['IFA', 'DEVICEIP', 'TIMESTAMP'],
    });
    expect(url).toBe('https://t.example/?ifa=-2&ip=-2&ts=-2');
  });

  it('leaves unknown names as they are', () => {
    expect(expander().expand('https://t.example/?a=[NOT_A_MACRO]&b=[lower]&c=[]')).toBe(
      'https://t.example/?a=[NOT_A_MACRO]&b=[lower]&c=[]',
    );
  });

  it('treats an undefined value as not supplied', () => {
    expect(expander().expand('https://t.example/?ip=[DEVICEIP]', { values: { DEVICEIP: undefined } })).toBe(
      'https://t.example/?ip=-1',
    );
  });

  it('encodes array values element by element, joined by commas', () => {
    const url = expander().expand('https://t.example/?u=[UNIVERSALADID]&ll=[LATLONG]&c=[ADCATEGORIES]', {
      values: { UNIVERSALADID: ['ad-id.org CNPA0484000H', 'x&y'], LATLONG: [51.5, -0.12], ADCATEGORIES: ['IAB1-1'] },
    });
    expect(url).toBe('https://t.example/?u=ad-id.org%20CNPA0484000H,x%26y&ll=51.5,-0.12&c=IAB1-1');
  });

  it('fills the same macro twice in one URL with the same value', () => {
    const url = expander().expand('https://t.example/?a=[CACHEBUSTING]&b=[CACHEBUSTING]&t1=[TIMESTAMP]&t2=[TIMESTAMP]');
    const params = new URL(url).searchParams;
    expect(params.get('a')).toBe(params.get('b'));
    expect(params.get('t1')).toBe(params.get('t2'));
  });
});

describe('MacroExpander: generated values', () => {
  it('[TIMESTAMP] is ISO 8601 with milliseconds and offset from the injected clock', () => {
    const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
    const e = new MacroExpander({ time, random: createSeededRandom(1) });
    expect(e.expand('https://t.example/?ts=[TIMESTAMP]')).toBe('https://t.example/?ts=2025-01-01T12%3A30%3A45.678%2B00%3A00');
    time.tick(1500);
    expect(e.expand('https://t.example/?ts=[TIMESTAMP]')).toBe('https://t.example/?ts=2025-01-01T12%3A30%3A47.178%2B00%3A00');
    const eastern = new MacroExpander({ time, random: createSeededRandom(1), timezoneOffsetMinutes: -300 });
    expect(decodeURIComponent(eastern.expand('[TIMESTAMP]'))).toBe('2025-01-01T07:30:47.178-05:00');
  });

  it('[CACHEBUSTING] is 8 digits from the injected random source, reproducible by seed', () => {
    const run = (seed: number) => {
      const e = expander({ random: createSeededRandom(seed) });
      return [1, 2, 3].map(() => e.expand('[CACHEBUSTING]'));
    };
    const first = run(42);
    for (const value of first) expect(value).toMatch(/^[1-9]\d{7}$/);
    expect(new Set(first).size).toBe(3);
    expect(run(42)).toEqual(first);
    expect(run(43)).not.toEqual(first);
  });

  it('[CACHEBUSTING] defaults to the system random source', () => {
    const e = new MacroExpander({ time: new SimulatedTimeProvider() });
    expect(e.expand('[CACHEBUSTING]')).toMatch(/^[1-9]\d{7}$/);
  });

  it('playheads are HH:MM:SS.mmm, [CONTENTPLAYHEAD] falling back to the media playhead', () => {
    const e = expander();
    const template = 'a=[ADPLAYHEAD]&m=[MEDIAPLAYHEAD]&c=[CONTENTPLAYHEAD]';
    expect(e.expand(template, { adPlayheadMs: 15_250, mediaPlayheadMs: 3_723_004 })).toBe(
      'a=00%3A00%3A15.250&m=01%3A02%3A03.004&c=01%3A02%3A03.004',
    );
    expect(e.expand(template, { contentPlayheadMs: 1000 })).toBe('a=-1&m=-1&c=00%3A00%3A01.000');
  });

  it('[ASSETURI] and [ERRORCODE] come from the context, encoded', () => {
    expect(
      expander().expand('https://t.example/e?code=[ERRORCODE]&asset=[ASSETURI]', {
        errorCode: 402,
        assetUri: 'https://cdn.example/v.mp4?x=1&y=2',
      }),
    ).toBe('https://t.example/e?code=402&asset=https%3A%2F%2Fcdn.example%2Fv.mp4%3Fx%3D1%26y%3D2');
  });

  it('[SERVERSIDE], [PODSEQUENCE], [ADSERVINGID], [ADCOUNT], [UNIVERSALADID] come from values', () => {
    const url = expander().expand('s=[SERVERSIDE]&p=[PODSEQUENCE]&id=[ADSERVINGID]&n=[ADCOUNT]&u=[UNIVERSALADID]', {
      values: { SERVERSIDE: 1, PODSEQUENCE: 2, ADSERVINGID: 'adsrv-123e4567', ADCOUNT: 3, UNIVERSALADID: ['reg id'] },
    });
    expect(url).toBe('s=1&p=2&id=adsrv-123e4567&n=3&u=reg%20id');
  });

  it('a value in the context wins over a static value, which wins over a generated one', () => {
    const e = expander({ staticMacros: { TIMESTAMP: 'fixed', DEVICEIP: '10.0.0.1', ERRORCODE: 999 } });
    expect(e.expand('t=[TIMESTAMP]&ip=[DEVICEIP]&e=[ERRORCODE]')).toBe('t=fixed&ip=10.0.0.1&e=999');
    expect(e.expand('t=[TIMESTAMP]&ip=[DEVICEIP]&e=[ERRORCODE]', { values: { TIMESTAMP: 'now', DEVICEIP: '::1' }, errorCode: 402 })).toBe(
      't=now&ip=%3A%3A1&e=402',
    );
  });
});

describe('MacroExpander: provider syntaxes, static values and aliases', () => {
  const url = 'p=%%CACHEBUSTING%%&d=${DEVICEIP}&b={deviceip}&i=[DEVICEIP]';
  const context = { values: { DEVICEIP: '1.2.3.4' } };

  it('expands only IAB brackets by default', () => {
    expect(expander().expand(url, context)).toBe('p=%%CACHEBUSTING%%&d=${DEVICEIP}&b={deviceip}&i=1.2.3.4');
  });

  it('adds %%X%%, ${X} and {x} when configured, matching names case-insensitively', () => {
    const out = expander({ macroSyntaxes: ['iab', 'percent', 'dollar', 'brace'] }).expand(url, context);
    expect(out).toMatch(/^p=[1-9]\d{7}&d=1\.2\.3\.4&b=1\.2\.3\.4&i=1\.2\.3\.4$/);
  });

  it('keeps the IAB syntax on even when the list omits it', () => {
    expect(expander({ macroSyntaxes: ['dollar'] }).expand('a=${DEVICEIP}&b=[DEVICEIP]', context)).toBe('a=1.2.3.4&b=1.2.3.4');
  });

  it('does not mistake ${X} for {x} plus a dollar sign', () => {
    expect(expander({ macroSyntaxes: ['brace', 'dollar'] }).expand('a=${DEVICEIP}', context)).toBe('a=1.2.3.4');
  });

  it('fills provider-specific names from static values and leaves the rest as written', () => {
    const e = expander({ macroSyntaxes: ['percent', 'brace'], staticMacros: { site_id: 'tv 1' } });
    expect(e.expand('s=%%SITE_ID%%&t={site_id}&u=%%OTHER%%&v={other}')).toBe('s=tv%201&t=tv%201&u=%%OTHER%%&v={other}');
  });

  it('lets a context define provider-specific names too', () => {
    expect(expander({ macroSyntaxes: ['percent'] }).expand('s=%%SLOT%%', { values: { SLOT: 'pre' } })).toBe('s=pre');
  });

  it('maps provider names to IAB names through aliases', () => {
    const e = expander({ macroSyntaxes: ['percent'], aliases: { cachebuster: 'cachebusting', ip: 'DEVICEIP' } });
    expect(e.expand('cb=%%CACHEBUSTER%%&ip=%%IP%%')).toMatch(/^cb=[1-9]\d{7}&ip=-1$/);
  });
});

describe('MacroExpander: compiled templates', () => {
  it('compiles a URL once and reuses it', () => {
    const e = expander();
    const first = e.compile('https://t.example/?a=[ADCOUNT]&b=[FOO]');
    expect(e.compile('https://t.example/?a=[ADCOUNT]&b=[FOO]')).toBe(first);
    expect(first.literals).toEqual(['https://t.example/?a=', '&b=', '']);
    expect(first.slots).toEqual([
      { name: 'ADCOUNT', raw: '[ADCOUNT]' },
      { name: 'FOO', raw: '[FOO]' },
    ]);
    expect(e.cacheSize).toBe(1);
  });

  it('keeps at most maxTemplates URLs, forgetting the oldest', () => {
    const e = expander({ maxTemplates: 2 });
    const a = e.compile('a');
    e.compile('b');
    e.compile('c');
    expect(e.cacheSize).toBe(2);
    expect(e.compile('a')).not.toBe(a);
    expect(() => expander({ maxTemplates: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_TRACKER_ARGUMENT' }));
  });

  it('never re-expands macros that appear inside values', () => {
    expect(expander().expand('x=[ASSETURI]', { assetUri: '[TIMESTAMP]' })).toBe('x=%5BTIMESTAMP%5D');
  });

  it('a value can never change the URL structure (property)', () => {
    const e = expander({ macroSyntaxes: ['iab', 'percent', 'dollar', 'brace'] });
    const template = 'https://t.example/path?ip=[DEVICEIP]&ua=%%DEVICEUA%%&d=${DOMAIN}&c={contentid}#frag';
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'grapheme' }), fc.string(), fc.array(fc.string({ unit: 'grapheme' })), (ip, ua, domain, ids) => {
        const out = new URL(e.expand(template, { values: { DEVICEIP: ip, DEVICEUA: ua, DOMAIN: domain, CONTENTID: ids } }));
        expect(out.pathname).toBe('/path');
        expect(out.hash).toBe('#frag');
        expect([...out.searchParams.keys()]).toEqual(['ip', 'ua', 'd', 'c']);
        expect(out.searchParams.get('ua')).toBe(ua);
        const rawIds = out.search.slice(out.search.indexOf('&c=') + 3);
        expect(ids.length === 0 ? rawIds : rawIds.split(',').map(decodeURIComponent)).toEqual(ids.length === 0 ? '' : ids);
      }),
    );
  });
});

describe('createSystemRandom', () => {
  it('draws numbers in [0, 1) that differ, across refills of its pool', () => {
    const random = createSystemRandom();
    const drawn = Array.from({ length: 1_000 }, () => random.next());
    expect(drawn.every((n) => n >= 0 && n < 1)).toBe(true);
    expect(new Set(drawn).size).toBeGreaterThan(990);
    const other = createSystemRandom();
    expect(Array.from({ length: 8 }, () => other.next())).not.toEqual(drawn.slice(0, 8));
  });
});
