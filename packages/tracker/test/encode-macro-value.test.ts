import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeMacroValue, formatTimecode, formatTimestamp } from '../src/index.js';

describe('encodeMacroValue', () => {
  it('keeps RFC 3986 unreserved characters and encodes everything else', () => {
    expect(encodeMacroValue('AZaz09-._~')).toBe('AZaz09-._~');
    expect(encodeMacroValue("a&b=c#d/e?f g+h!'()*")).toBe('a%26b%3Dc%23d%2Fe%3Ff%20g%2Bh%21%27%28%29%2A');
    expect(encodeMacroValue('[TIMESTAMP]')).toBe('%5BTIMESTAMP%5D');
    expect(encodeMacroValue('%41')).toBe('%2541');
  });

  it('encodes UTF-8 and replaces lone surrogates instead of throwing', () => {
    expect(encodeMacroValue('é')).toBe('%C3%A9');
    expect(encodeMacroValue('a\uD800b')).toBe('a%EF%BF%BDb');
  });

  it('writes numbers and booleans as text', () => {
    expect(encodeMacroValue(402)).toBe('402');
    expect(encodeMacroValue(-1.5)).toBe('-1.5');
    expect(encodeMacroValue(1e21)).toBe('1e%2B21');
    expect(encodeMacroValue(true)).toBe('1');
    expect(encodeMacroValue(false)).toBe('0');
  });

  it('encodes array elements one by one and joins them with commas', () => {
    expect(encodeMacroValue(['IAB1-1', 'a,b', 'c d'])).toBe('IAB1-1,a%2Cb,c%20d');
    expect(encodeMacroValue([51.5, -0.12])).toBe('51.5,-0.12');
    expect(encodeMacroValue([true, false])).toBe('1,0');
    expect(encodeMacroValue([])).toBe('');
  });

  it('never outputs a character that can change URL structure, and decodes back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        const encoded = encodeMacroValue(value);
        expect(encoded).toMatch(/^[A-Za-z0-9\-._~%]*$/);
        expect(decodeURIComponent(encoded)).toBe(value);
      }),
    );
  });
});

describe('formatTimecode', () => {
  it('formats HH:MM:SS.mmm', () => {
    expect(formatTimecode(0)).toBe('00:00:00.000');
    expect(formatTimecode(65_250)).toBe('00:01:05.250');
    expect(formatTimecode(3_723_004)).toBe('01:02:03.004');
    expect(formatTimecode(100 * 3_600_000)).toBe('100:00:00.000');
  });

  it('rounds to the millisecond and clamps nonsense to zero', () => {
    expect(formatTimecode(1234.6)).toBe('00:00:01.235');
    expect(formatTimecode(-5)).toBe('00:00:00.000');
    expect(formatTimecode(Number.NaN)).toBe('00:00:00.000');
  });
});

describe('formatTimestamp', () => {
  const instant = Date.UTC(2016, 0, 17, 13, 15, 7, 127);

  it('formats ISO 8601 with milliseconds and a numeric UTC offset', () => {
    expect(formatTimestamp(instant)).toBe('2016-01-17T13:15:07.127+00:00');
  });

  it('shows local time for a zone offset', () => {
    expect(formatTimestamp(instant, -300)).toBe('2016-01-17T08:15:07.127-05:00');
    expect(formatTimestamp(instant, 330)).toBe('2016-01-17T18:45:07.127+05:30');
  });

  it('throws INVALID_TRACKER_ARGUMENT for an invalid time', () => {
    expect(() => formatTimestamp(Number.NaN)).toThrow(expect.objectContaining({ code: 'INVALID_TRACKER_ARGUMENT' }));
  });
});
