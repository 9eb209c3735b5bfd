import type { MockAdServer } from '@vast/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VastClient } from '../src/vast-client.js';
import { inlineAd, vast, wrapperAd } from './fixtures/vast-xml.js';
import { adServer, pixels, routeChain, testClient } from './helpers.js';

describe('VastClient wrapper chains', () => {
  let server: MockAdServer;
  let client: VastClient;
  beforeAll(async () => {
    server = await adServer();
    client = testClient();
  });
  afterEach(() => server.reset());
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it.each([1, 2, 3, 4, 5, 6])('resolves a chain of %i level(s) with every hop recorded', async (levels) => {
    const url = routeChain(server, `c${levels}`, levels);
    const result = await client.get(url);
    expect(result.error).toBeUndefined();
    expect(result.ads).toHaveLength(1);
    const [resolved] = result.ads;
    expect(resolved?.ad.id).toBe(`c${levels}-inline`);
    expect(resolved?.wrappers.map((w) => w.id)).toEqual(Array.from({ length: levels - 1 }, (_, i) => `c${levels}-w${i}`));
    expect(resolved?.chain.map((hop) => [hop.depth, hop.url, hop.status])).toEqual(
      Array.from({ length: levels }, (_, i) => [i, server.url(`/c${levels}/${i}.xml`), 200]),
    );
    for (const hop of resolved?.chain ?? []) {
      const body = server.received().find((r) => r.url === new URL(hop.url).pathname);
      expect(body).toBeDefined();
      expect(hop.bytes).toBeGreaterThan(100);
    }
    // The inline ad's own impression first, then each wrapper's from the innermost out.
    const expected = [`c${levels}-inline`, ...Array.from({ length: levels - 1 }, (_, i) => `c${levels}-w${levels - 2 - i}`)];
    expect(resolved?.ad.impressions.map((i) => i.url.split('/').pop())).toEqual(expected);
    expect(resolved?.inline.impressions).toHaveLength(1);
    expect(result.errorPixels).toEqual([]);
  });

  it('fails a seventh level with 302 and fires the Error pixels of all six wrappers', async () => {
    const url = routeChain(server, 'deep', 7);
    const result = await client.get(url);
    expect(result.ads).toEqual([]);
    expect(result.error?.errorCode).toBe(302);
    expect(server.received().some((r) => r.path === '/deep/6.xml')).toBe(false);
    const fired = pixels(server, 'err');
    expect(fired.map((p) => p.path).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `err/deep-w${i}`));
    expect(new Set(fired.map((p) => p.code))).toEqual(new Set(['302']));
    expect(result.errorPixels.map((p) => [p.depth, p.code, p.outcome.kind])).toEqual(
      [0, 1, 2, 3, 4, 5].map((depth) => [depth, 302, 'sent']),
    );
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.chain).toHaveLength(6);
  });

  it('obeys a smaller maxWrapperDepth', async () => {
    const shallow = testClient({ maxWrapperDepth: 1 });
    try {
      expect((await shallow.get(routeChain(server, 'two', 2))).ads).toHaveLength(1);
      const result = await shallow.get(routeChain(server, 'three', 3));
      expect(result.error?.errorCode).toBe(302);
      expect(pixels(server, 'err').map((p) => p.path).sort()).toEqual(['err/three-w0', 'err/three-w1']);
    } finally {
      await shallow.close();
    }
  });

  it('refuses a wrapper loop with 300 and fires the pixels of each level of the loop', async () => {
    const track = server.url('/t');
    server.route('/loop/a.xml', vast([wrapperAd({ id: 'la', track, uri: server.url('/loop/b.xml') })]));
    server.route('/loop/b.xml', vast([wrapperAd({ id: 'lb', track, uri: server.url('/loop/a.xml') })]));
    const result = await client.get(server.url('/loop/a.xml'));
    expect(result.error?.errorCode).toBe(300);
    expect(result.error?.message).toContain('loop');
    expect(server.received().filter((r) => r.path.startsWith('/loop/')).map((r) => r.path)).toEqual([
      '/loop/a.xml',
      '/loop/b.xml',
    ]);
    expect(pixels(server, 'err').sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'err/la', code: '300' },
      { path: 'err/lb', code: '300' },
    ]);
  });

  it('refuses a wrapper that points at its own document', async () => {
    const track = server.url('/t');
    server.route('/self.xml', vast([wrapperAd({ id: 'self', track, uri: server.url('/self.xml') })]));
    const result = await client.get(server.url('/self.xml'));
    expect(result.error?.errorCode).toBe(300);
    expect(pixels(server, 'err')).toEqual([{ path: 'err/self', code: '300' }]);
  });

  it('merges tracking events, clicks, verifications, extensions and companions of each level', async () => {
    const result = await client.get(routeChain(server, 'merge', 3));
    const ad = result.ads[0]?.ad;
    const linear = ad?.creatives.find((c) => c.type === 'linear');
    const companion = ad?.creatives.find((c) => c.type === 'companion');
    if (linear?.type !== 'linear' || companion?.type !== 'companion') throw new Error('creatives missing');
    expect(linear.trackingEvents.filter((t) => t.event === 'start').map((t) => t.url.split('/').pop())).toEqual([
      'merge-inline',
      'merge-w1',
      'merge-w0',
    ]);
    expect(linear.trackingEvents.filter((t) => t.event === 'complete')).toHaveLength(1);
    expect(linear.videoClicks.clickTrackings.map((c) => c.url.split('/').pop())).toEqual(['merge-inline', 'merge-w1', 'merge-w0']);
    expect(linear.videoClicks.clickThrough?.url).toBe('https://advertiser.example/landing');
    expect(ad?.verifications.map((v) => v.vendor)).toEqual(['v-merge-inline', 'v-merge-w1', 'v-merge-w0']);
    expect(ad?.extensions.map((e) => e.type)).toEqual(['x-merge-inline', 'x-merge-w1', 'x-merge-w0']);
    expect(ad?.errors).toHaveLength(3);
    expect(companion.companions).toHaveLength(1);
    expect(companion.companions[0]?.trackingEvents.map((t) => t.url.split('/').pop())).toEqual([
      'merge-inline',
      'merge-w1',
      'merge-w0',
    ]);
  });

  it('expands macros in ad tag URLs before each request, per call over the client’s values', async () => {
    const track = server.url('/t');
    const macroClient = testClient({ macros: { DEVICEIP: '203.0.113.9', APPBUNDLE: 'com.example' } });
    try {
      server.route(
        '/m/0.xml',
        vast([wrapperAd({ id: 'm0', track, uri: `${server.url('/m/1.xml')}?ip=[DEVICEIP]&b=[APPBUNDLE]&cb=[CACHEBUSTING]` })]),
      );
      server.route('/m/1.xml', vast([inlineAd({ id: 'm1', track })]));
      const result = await macroClient.get(`${server.url('/m/0.xml')}?ip=[DEVICEIP]&ua=[DEVICEUA]`, {
        macros: { DEVICEIP: '198.51.100.1' },
      });
      expect(result.error).toBeUndefined();
      const [first, second] = server.received().filter((r) => r.path.startsWith('/m/'));
      expect(first?.query).toEqual({ ip: '198.51.100.1', ua: '-1' });
      expect(second?.query.ip).toBe('198.51.100.1');
      expect(second?.query.b).toBe('com.example');
      expect(second?.query.cb).toMatch(/^\d{8}$/u);
      expect(result.ads[0]?.chain[1]?.url).toContain('ip=198.51.100.1');
    } finally {
      await macroClient.close();
    }
  });

  it('sends the client’s and the call’s headers with each request', async () => {
    const url = routeChain(server, 'h', 2);
    const headerClient = testClient({ headers: { 'x-tenant': 'a' }, userAgent: 'ctv-middleware/1' });
    try {
      await headerClient.get(url, { headers: { 'x-request-id': 'r1' } });
      for (const request of server.received().filter((r) => r.path.startsWith('/h/'))) {
        expect(request.headers['x-tenant']).toBe('a');
        expect(request.headers['x-request-id']).toBe('r1');
        expect(request.headers['user-agent']).toBe('ctv-middleware/1');
      }
    } finally {
      await headerClient.close();
    }
  });
});
