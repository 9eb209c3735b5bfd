import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBeaconUrl, type Beacon } from '../src/index.js';

const beacon = (url: string): Beacon => ({ id: 1, event: 'start', url, template: url, level: 0, time: 0 });

/** What the WHATWG URL parser says: `undefined` for a callable http(s) URL, else the drop reason. */
function byUrlParser(url: string): string | undefined {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? undefined : 'unsupported-scheme';
  } catch {
    return 'invalid-url';
  }
}

describe('checkBeaconUrl', () => {
  it('passes plain http(s) URLs and drops the others with the reason', () => {
    expect(checkBeaconUrl(beacon('https://t.example/start?ph=00%3A00%3A01.000'))).toBeUndefined();
    expect(checkBeaconUrl(beacon('http://127.0.0.1:8080/t'))).toBeUndefined();
    expect(checkBeaconUrl(beacon('http://256.1.1.1/'))).toMatchObject({ kind: 'dropped', reason: 'invalid-url' });
    // Punycode is left to the platform's URL parser, whose verdict on `xn--a` changed between Node
    // 20 and 24: the beacon follows the parser of the Node it runs on.
    const punycode = checkBeaconUrl(beacon('http://xn--a/'));
    expect(punycode === undefined ? undefined : punycode.kind === 'dropped' ? punycode.reason : punycode.kind).toBe(byUrlParser('http://xn--a/'));
    expect(checkBeaconUrl(beacon('http://a.0x/'))).toMatchObject({ kind: 'dropped', reason: 'invalid-url' });
    expect(checkBeaconUrl(beacon('http://a.0xg/'))).toBeUndefined();
    expect(checkBeaconUrl(beacon('https://x.example:99999/'))).toMatchObject({ kind: 'dropped', reason: 'invalid-url' });
    expect(checkBeaconUrl(beacon('javascript:alert(1)'))).toMatchObject({ kind: 'dropped', reason: 'unsupported-scheme' });
  });

  it('agrees with the URL parser on any URL-like string (the fast path never lets a bad one through)', () => {
    const hostChar = fc.constantFrom(...'abcfxyzFXN019-.'.split(''));
    const url = fc
      .record({
        scheme: fc.constantFrom('http', 'https', 'HTTPS', 'ftp', 'javascript'),
        host: fc.oneof(
          fc.string({ unit: hostChar, maxLength: 12 }),
          fc.constantFrom('xn--a', 'a.xn--zz', 'XN--1a.com', 'xn--', 'b.xn--.c', '256.0.0.1', '1.2.3.4', 'a..b', 'a.', '-', 'user@host', 'h:8', 'a.0x', 'b.0Xa', 'c.0x1g', 'd.0xz'),
        ),
        port: fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
        rest: fc.string({ unit: fc.constantFrom('/', '?', '#', 'a', '%', ' ', '\\', '[', 'é', '~', '\t', ':', '@'), maxLength: 8 }),
      })
      .map(({ scheme, host, port, rest }) => `${scheme}://${host}${port === undefined ? '' : `:${port}`}${rest}`);
    fc.assert(
      fc.property(url, (candidate) => {
        expect(checkBeaconUrl(beacon(candidate))?.kind === 'dropped' ? (checkBeaconUrl(beacon(candidate)) as { reason: string }).reason : undefined).toBe(
          byUrlParser(candidate),
        );
      }),
      { numRuns: 5000 },
    );
  });
});
