import type { MockAdServer } from '@vast/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VastClient } from '../src/vast-client.js';
import { inlineAd, vast, wrapperAd } from './fixtures/vast-xml.js';
import { adServer, pixels, testClient } from './helpers.js';

/** Ad requests the server received (tracking pixels left out). */
function adRequests(server: MockAdServer): number {
  return server.received().filter((r) => !r.path.startsWith('/t/')).length;
}

describe('fan-out limits of one call', () => {
  let server: MockAdServer;
  let client: VastClient;
  let track: string;
  beforeAll(async () => {
    server = await adServer();
    client = testClient();
    track = server.url('/t');
    server.route('/leaf.xml', vast([inlineAd({ id: 'leaf', track })]));
  });
  afterEach(() => server.reset());
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('follows at most maxWrappersPerResponse of 1,000 stand-alone wrappers and counts the rest in a warning', async () => {
    // Bare wrappers, so that 1,000 of them stay under the byte cap.
    const wrappers = Array.from(
      { length: 1000 },
      (_, i) =>
        `<Ad id="w${i}"><Wrapper><AdSystem>t</AdSystem><VASTAdTagURI><![CDATA[${server.url(`/leaf.xml?i=${i}`)}]]></VASTAdTagURI></Wrapper></Ad>`,
    );
    server.route('/thousand.xml', vast(wrappers));
    // The parser reads all 1,000 ads here, so that the fan-out limit is what cuts them.
    const reading = testClient({ parser: { maxAds: 1000 } });
    try {
      const result = await reading.get(server.url('/thousand.xml'));
      expect(result.error?.message).toBeUndefined();
      expect(result.ads).toHaveLength(1);
      expect(adRequests(server)).toBe(1 + 10);
      expect(result.warnings.filter((w) => w.kind === 'fan-out-limit')).toMatchObject([{ count: 990, depth: 0 }]);
    } finally {
      await reading.close();
    }
    // With the parser's default maxAds (32), the document is cut first, with a warning that says so.
    server.reset();
    const cut = await client.get(server.url('/thousand.xml'));
    expect(adRequests(server)).toBe(1 + 10);
    expect(cut.warnings.some((w) => w.kind === 'parse' && w.depth === 0 && /1000 Ad elements, more than maxAds \(32\)/.test(w.message))).toBe(true);
    expect(cut.warnings.filter((w) => w.kind === 'fan-out-limit')).toMatchObject([{ count: 22, depth: 0 }]);
  });

  it('stops at maxRequestsPerResolution in pods ten wide and three deep, with a request-limit warning', async () => {
    // Level 0: a pod of 10 wrappers to /l1.xml; level 1: a pod of 10 wrappers to /l2.xml; level 2: a
    // pod of 10 inline ads. Unbounded, that is 1 + 10 + 100 = 111 requests.
    const pod = (uri: string): string =>
      vast(
        Array.from({ length: 10 }, (_, i) =>
          wrapperAd({ id: `p${i}`, sequence: i + 1, track, uri: `${uri}?i=${i}`, extraWrapperAttributes: 'allowMultipleAds="true"' }),
        ),
      );
    server.route('/l0.xml', pod(server.url('/l1.xml')));
    server.route('/l1.xml', pod(server.url('/l2.xml')));
    server.route('/l2.xml', vast(Array.from({ length: 10 }, (_, i) => inlineAd({ id: `i${i}`, sequence: i + 1, track }))));
    const c = testClient({ maxRequestsPerResolution: 30 });
    const result = await c.get(server.url('/l0.xml'));
    await c.close();
    expect(adRequests(server)).toBe(30);
    const cut = result.warnings.filter((w) => w.kind === 'request-limit');
    expect(cut).toHaveLength(1);
    expect(cut[0]?.count).toBe(111 - 30);
    expect(result.ads.length).toBeGreaterThan(0);
  });

  it('fires at most maxErrorPixels Error pixels and counts the rest', async () => {
    const errors = Array.from({ length: 50 }, (_, i) => `${track}/err/many${i}`);
    server.route('/many-errors.xml', vast([]).replace('<VAST version="4.2">', `<VAST version="4.2">${errors.map((e) => `<Error><![CDATA[${e}]]></Error>`).join('')}`));
    const c = testClient({ maxErrorPixels: 5 });
    const result = await c.get(server.url('/many-errors.xml'));
    await c.close();
    expect(result.error?.errorCode).toBe(303);
    expect(result.errorPixels).toHaveLength(5);
    expect(pixels(server, 'err')).toHaveLength(5);
    expect(result.warnings.find((w) => w.kind === 'error-pixel-limit')?.count).toBe(45);
  });
});
