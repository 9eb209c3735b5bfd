import { SimulatedTimeProvider } from '@vast/time';
import type { MockAdServer } from '@vast/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../src/fetch-error.js';
import type { VastClient } from '../src/vast-client.js';
import type { VastClientOptions } from '../src/vast-client-options.js';
import { inlineAd, vast, wrapperAd } from './fixtures/vast-xml.js';
import { adServer, pixels, testClient } from './helpers.js';

function fetchKind(cause: unknown): string | undefined {
  return cause instanceof FetchError ? cause.kind : undefined;
}

describe('VastClient faults and IAB error codes', () => {
  let server: MockAdServer;
  let client: VastClient;
  let track: string;
  const wrapTo = (path: string, target: string): void => {
    server.route(path, vast([wrapperAd({ id: path.slice(1, -4), track, uri: target })]));
  };
  beforeAll(async () => {
    server = await adServer({
      routes: {
        '/5xx': { status: 503 },
        '/reset': { fault: { type: 'reset' } },
        '/huge': { fault: { type: 'oversized', bytes: 2 * 1024 * 1024 } },
        '/redirect-loop': { fault: { type: 'redirect-loop' } },
        '/not-xml': { body: '<VAST version="4.2"><Ad><InLine>' },
        '/vast1': { body: '<VideoAdServingTemplate><Ad id="old"/></VideoAdServingTemplate>' },
        '/no-duration': {
          body: vast([inlineAd({ id: 'nd', track: 'http://127.0.0.1/t' })]).replace(/<Duration>.*?<\/Duration>/u, ''),
        },
        '/blank': { body: '' },
      },
    });
    client = testClient();
    track = server.url('/t');
  });
  afterEach(() => server.reset());
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it.each([
    ['5xx', '/5xx', 'http-status'],
    ['reset', '/reset', 'network'],
    ['oversized', '/huge', 'too-large'],
    ['redirect loop', '/redirect-loop', 'redirect-loop'],
  ])('fails a wrapper whose target gives a %s with 301 and fires its Error pixel', async (_name, target, kind) => {
    wrapTo('/to-fault.xml', server.url(target));
    const result = await client.get(server.url('/to-fault.xml'));
    expect(result.error?.errorCode).toBe(301);
    expect(fetchKind(result.error?.cause)).toBe(kind);
    expect(result.failures[0]?.depth).toBe(1);
    expect(pixels(server, 'err')).toEqual([{ path: 'err/to-fault', code: '301' }]);
  });

  it.each(['ftp://127.0.0.1/vast.xml', 'file:///etc/passwd', 'data:text/xml,<VAST/>'])(
    'refuses a wrapper URI with a non-http scheme (%s) with 301',
    async (uri) => {
      wrapTo('/to-scheme.xml', uri);
      const result = await client.get(server.url('/to-scheme.xml'));
      expect(result.error?.errorCode).toBe(301);
      expect(fetchKind(result.error?.cause)).toBe('unsupported-scheme');
      expect(pixels(server, 'err')).toEqual([{ path: 'err/to-scheme', code: '301' }]);
    },
  );

  it('fails the ad tag itself without pixels when nothing was reached', async () => {
    const result = await client.get(server.url('/5xx'));
    expect(result.error?.errorCode).toBe(301);
    expect(result.failures[0]?.depth).toBe(0);
    expect(result.errorPixels).toEqual([]);
    expect(result.document).toBeUndefined();
  });

  it.each([
    ['not well-formed XML', '/not-xml', 100],
    ['VAST 1.0', '/vast1', 102],
  ])('reports %s behind a wrapper with %i and fires the wrapper’s pixel', async (_name, target, code) => {
    wrapTo('/to-bad.xml', server.url(target));
    const result = await client.get(server.url('/to-bad.xml'));
    expect(result.error?.errorCode).toBe(code);
    expect(result.failures[0]?.chain.map((h) => h.depth)).toEqual([0, 1]);
    expect(pixels(server, 'err')).toEqual([{ path: 'err/to-bad', code: String(code) }]);
  });

  it('reports a schema problem as a warning, or as 101 in strict mode', async () => {
    wrapTo('/to-schema.xml', server.url('/no-duration'));
    const lenient = await client.get(server.url('/to-schema.xml'));
    expect(lenient.ads).toHaveLength(1);
    expect(lenient.warnings.some((w) => w.kind === 'parse' && w.code === 101 && w.depth === 1)).toBe(true);
    const strict = testClient({ strict: true });
    try {
      const result = await strict.get(server.url('/to-schema.xml'));
      expect(result.error?.errorCode).toBe(101);
      expect(pixels(server, 'err').map((p) => p.code)).toContain('101');
    } finally {
      await strict.close();
    }
  });

  it('parses with the parser options it was given: a config’s maxAds and maxDepth, and its strictness', async () => {
    server.route('/three.xml', vast(['a', 'b', 'c'].map((id) => inlineAd({ id, track }))));
    const limited = testClient({ parser: { maxAds: 2, maxDepth: 64, strict: false } });
    const shallow = testClient({ parser: { maxDepth: 3 } });
    const overridden = testClient({ strict: true, parser: { strict: false } });
    try {
      const result = await limited.get(server.url('/three.xml'));
      expect(result.ads.length + result.buffet.length).toBe(2);
      expect(result.warnings.some((w) => w.kind === 'parse' && /ads?/i.test(w.message))).toBe(true);
      const deep = await shallow.get(server.url('/three.xml'));
      expect(deep.error?.errorCode).toBe(100);
      wrapTo('/to-schema-2.xml', server.url('/no-duration'));
      expect((await overridden.get(server.url('/to-schema-2.xml'))).ads).toHaveLength(1);
      expect(limited.parse(vast([inlineAd({ id: 'x', track })])).ads).toHaveLength(1);
    } finally {
      await Promise.all([limited.close(), shallow.close(), overridden.close()]);
    }
  });

  it('fires a top-level empty VAST’s own Error URLs with 303', async () => {
    server.route('/empty-top.xml', vast([], `${server.url('/t/err/top-doc')}?code=[ERRORCODE]`));
    const result = await client.get(server.url('/empty-top.xml'));
    expect(result.error?.errorCode).toBe(303);
    expect(result.document?.ads).toEqual([]);
    expect(pixels(server, 'err')).toEqual([{ path: 'err/top-doc', code: '303' }]);
    expect(result.errorPixels).toMatchObject([{ depth: 0, code: 303, outcome: { kind: 'sent', status: 204 } }]);
  });

  it('fires the wrappers’ and the empty document’s Error URLs with 303 after a wrapper', async () => {
    server.route('/empty-deep.xml', vast([], `${server.url('/t/err/deep-doc')}?code=[ERRORCODE]`));
    wrapTo('/mid.xml', server.url('/empty-deep.xml'));
    wrapTo('/outer.xml', server.url('/mid.xml'));
    const result = await client.get(server.url('/outer.xml'));
    expect(result.error?.errorCode).toBe(303);
    expect(pixels(server, 'err').sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'err/deep-doc', code: '303' },
      { path: 'err/mid', code: '303' },
      { path: 'err/outer', code: '303' },
    ]);
    expect(result.errorPixels.map((p) => p.depth).sort()).toEqual([0, 1, 2]);
  });

  it('takes an empty 2xx body as no ads, with a warning', async () => {
    wrapTo('/to-blank.xml', server.url('/blank'));
    const result = await client.get(server.url('/to-blank.xml'));
    expect(result.error?.errorCode).toBe(303);
    expect(result.warnings.map((w) => w.kind)).toEqual(['empty-body']);
  });

  it('reports the outcome of an Error pixel that cannot be sent', async () => {
    server.route(
      '/bad-pixels.xml',
      vast([
        wrapperAd({ id: 'bp', track, uri: server.url('/5xx') }).replace(
          /<Error>.*?<\/Error>/su,
          `<Error><![CDATA[${server.url('/5xx')}?e=[ERRORCODE]]]></Error><Error><![CDATA[ftp://x/[ERRORCODE]]]></Error>`,
        ),
      ]),
    );
    const result = await client.get(server.url('/bad-pixels.xml'));
    expect(result.errorPixels.map((p) => [p.url, p.outcome.kind])).toEqual([
      [`${server.url('/5xx')}?e=301`, 'failed'],
      ['ftp://x/301', 'dropped'],
    ]);
  });

  it('does not fire pixels when fireErrorPixels is false, but still reports the failure', async () => {
    const quiet = testClient({ fireErrorPixels: false });
    try {
      wrapTo('/quiet.xml', server.url('/5xx'));
      const result = await quiet.get(server.url('/quiet.xml'));
      expect(result.error?.errorCode).toBe(301);
      expect(result.errorPixels).toEqual([]);
      expect(pixels(server)).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});

describe('VastClient time budgets on the simulated clock', () => {
  // Each test gets its own clock and server: no timer or time left over from another test.
  let server: MockAdServer;
  let clock: SimulatedTimeProvider;
  let track: string;
  const clients: VastClient[] = [];
  const timedClient = (options: VastClientOptions = {}): VastClient => {
    const created = testClient({ time: clock, ...options });
    clients.push(created);
    return created;
  };
  beforeEach(async () => {
    clock = new SimulatedTimeProvider({ mode: 'manual' });
    server = await adServer({ time: clock });
    track = server.url('/t');
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  /** Waits for the server to receive `path`; the server's clock is manual, so the bound is wall time. */
  async function reach(path: string, count = 1): Promise<void> {
    await server.waitFor((r) => r.path === path, { count, signal: AbortSignal.timeout(5000) });
  }

  it('times out a hung wrapper target after the per-hop timeout (301), then fires the pixel', async () => {
    server.route('/hang', { fault: { type: 'hang' } });
    server.route('/to-hang.xml', vast([wrapperAd({ id: 'th', track, uri: server.url('/hang') })]));
    const client = timedClient({ hopTimeoutMs: 4000 });
    const pending = client.get(server.url('/to-hang.xml'));
    await reach('/hang');
    clock.tick(3999);
    clock.tick(1);
    const result = await pending;
    expect(result.error?.errorCode).toBe(301);
    expect(fetchKind(result.error?.cause)).toBe('timeout');
    expect(pixels(server, 'err')).toEqual([{ path: 'err/th', code: '301' }]);
  });

  it('waits for a slow answer within the hop timeout', async () => {
    server.route('/slow.xml', { body: vast([inlineAd({ id: 'slow', track })]), delayMs: 3000 });
    const client = timedClient();
    const pending = client.get(server.url('/slow.xml'));
    await reach('/slow.xml');
    await clock.tickAsync(3000);
    const result = await pending;
    expect(result.ads.map((a) => a.ad.id)).toEqual(['slow']);
    expect(result.ads[0]?.chain[0]?.durationMs).toBe(3000);
    expect(result.ads[0]?.chain[0]?.startedAt).toBe(clock.now() - 3000);
  });

  it('fails a slow hop past the per-hop timeout', async () => {
    server.route('/slower.xml', { body: vast([inlineAd({ id: 'slower', track })]), delayMs: 5000 });
    const client = timedClient({ hopTimeoutMs: 4000 });
    const pending = client.get(server.url('/slower.xml'));
    await reach('/slower.xml');
    await clock.tickAsync(4000);
    const result = await pending;
    expect(result.error?.errorCode).toBe(301);
    expect(fetchKind(result.error?.cause)).toBe('timeout');
  });

  it('stops the whole chain when its budget runs out, though each hop is within its timeout', async () => {
    for (let level = 0; level < 3; level++) {
      server.route(`/budget/${level}.xml`, {
        body: vast([wrapperAd({ id: `bw${level}`, track, uri: server.url(`/budget/${level + 1}.xml`) })]),
        delayMs: 3000,
      });
    }
    const client = timedClient({ hopTimeoutMs: 4000, chainTimeoutMs: 8000 });
    const pending = client.get(server.url('/budget/0.xml'));
    await reach('/budget/0.xml');
    await clock.tickAsync(3000);
    await reach('/budget/1.xml');
    await clock.tickAsync(3000);
    await reach('/budget/2.xml');
    await clock.tickAsync(2000);
    const result = await pending;
    expect(result.error?.errorCode).toBe(301);
    expect(fetchKind(result.error?.cause)).toBe('budget');
    expect(result.failures[0]?.depth).toBe(2);
    // The budget is spent: the call returns at once, its Error pixels still in flight.
    expect(result.errorPixels).toEqual([]);
    const fired = await result.pendingErrorPixels;
    expect(fired?.map((p) => p.outcome.kind)).toEqual(['sent', 'sent']);
    expect(pixels(server, 'err').map((p) => p.path).sort()).toEqual(['err/bw0', 'err/bw1']);
  });

  it('rejects with the caller’s reason when the caller aborts', async () => {
    server.route('/hang2', { fault: { type: 'hang' } });
    const client = timedClient();
    const controller = new AbortController();
    const pending = client.get(server.url('/hang2'), { signal: controller.signal });
    await reach('/hang2');
    const reason = new Error('viewer left');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
