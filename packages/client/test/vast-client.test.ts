import type { MockAdServer } from '@vast/testkit';
import { RecordingBeaconTransport } from '@vast/tracker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VastClientConfigError } from '../src/client-config-error.js';
import { FetchError } from '../src/fetch-error.js';
import type { DnsLookup } from '../src/guarded-connector.js';
import { SsrfBlockedError } from '../src/ssrf-blocked-error.js';
import { VastClient } from '../src/vast-client.js';
import type { VastClientEventMap } from '../src/vast-client-events.js';
import { inlineAd, vast, wrapperAd } from './fixtures/vast-xml.js';
import { adServer, pixels, routeChain, testClient } from './helpers.js';

const toLoopback: DnsLookup = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);

function blockedCause(error: unknown): SsrfBlockedError | undefined {
  const fetchError = error instanceof Error ? error.cause : undefined;
  return fetchError instanceof FetchError && fetchError.cause instanceof SsrfBlockedError ? fetchError.cause : undefined;
}

describe('VastClient SSRF guard', () => {
  let server: MockAdServer;
  let track: string;
  const clients: VastClient[] = [];
  const make = (options: ConstructorParameters<typeof VastClient>[0]): VastClient => {
    const client = new VastClient(options);
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    server = await adServer();
    track = server.url('/t');
    server.route('/inline.xml', vast([inlineAd({ id: 'ok', track })]));
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    server.reset();
  });
  afterAll(() => server.close());

  it('is on by default: the loopback ad tag is refused with 301 and never requested', async () => {
    const result = await make({}).get(server.url('/inline.xml'));
    expect(result.error?.errorCode).toBe(301);
    expect(blockedCause(result.error)?.addressClass).toBe('loopback');
    expect(server.received()).toEqual([]);
  });

  it('refuses a host name that resolves to 127.0.0.1, by the system resolver or a custom lookup', async () => {
    const viaLocalhost = await make({}).get(`http://localhost:${server.port}/inline.xml`);
    expect(blockedCause(viaLocalhost.error)?.addressClass).toBe('loopback');
    const viaLookup = await make({ lookup: toLoopback }).get(`http://ads.example.test:${server.port}/inline.xml`);
    expect(blockedCause(viaLookup.error)).toMatchObject({ hostname: 'ads.example.test', address: '127.0.0.1' });
    expect(server.received()).toEqual([]);
  });

  it.each([
    ['IPv6 loopback', '[::1]', 'loopback'],
    ['IPv4-mapped loopback', '[::ffff:127.0.0.1]', 'loopback'],
    ['IPv4-mapped private', '[::ffff:10.0.0.1]', 'private'],
    ['cloud metadata', '169.254.169.254', 'cloudMetadata'],
  ])('refuses %s', async (_name, host, addressClass) => {
    const result = await make({}).get(`http://${host}:${server.port}/inline.xml`);
    expect(blockedCause(result.error)?.addressClass).toBe(addressClass);
  });

  it('refuses a wrapper whose URI redirects to a private address', async () => {
    server.route('/redirect-private', { status: 302, headers: { location: `http://127.0.0.1:${server.port}/inline.xml` } });
    server.route(
      '/trusted.xml',
      vast([wrapperAd({ id: 'tr', track: `http://ads.example.test:${server.port}/t`, uri: `http://ads.example.test:${server.port}/redirect-private` })]),
    );
    const client = make({ allowlist: ['ads.example.test'], lookup: toLoopback });
    const result = await client.get(`http://ads.example.test:${server.port}/trusted.xml`);
    expect(result.error?.errorCode).toBe(301);
    expect(blockedCause(result.error)?.address).toBe('127.0.0.1');
    expect(server.received().some((r) => r.path === '/inline.xml')).toBe(false);
    expect(pixels(server, 'err')).toEqual([{ path: 'err/tr', code: '301' }]);
  });

  it('checks every new connection, so a name that rebinds to a metadata address is refused', async () => {
    let lookups = 0;
    const rebinding: DnsLookup = (_hostname, _options, callback) => {
      lookups += 1;
      callback(null, [{ address: lookups === 1 ? '127.0.0.1' : '169.254.169.254', family: 4 }]);
    };
    const host = `http://rebind.example.test:${server.port}`;
    server.route('/rb/0.xml', {
      body: vast([wrapperAd({ id: 'rb', track, uri: `${host}/rb/1.xml` })]),
      headers: { connection: 'close' },
    });
    server.route('/rb/1.xml', vast([inlineAd({ id: 'rb-inline', track })]));
    const result = await make({ allowlist: ['127.0.0.1'], lookup: rebinding }).get(`${host}/rb/0.xml`);
    expect(lookups).toBe(2);
    expect(blockedCause(result.error)).toMatchObject({ address: '169.254.169.254', addressClass: 'cloudMetadata' });
    expect(server.received().map((r) => r.path)).toEqual(['/rb/0.xml', '/t/err/rb']);
  });

  it('refuses Error pixels to private addresses through the default transport', async () => {
    server.route('/pixel-private.xml', vast([wrapperAd({ id: 'pp', track, uri: server.url('/nowhere') })]));
    const client = make({ allowlist: ['ads.example.test'], lookup: toLoopback });
    const result = await client.get(`http://ads.example.test:${server.port}/pixel-private.xml`);
    expect(result.error?.errorCode).toBe(301);
    expect(result.errorPixels).toHaveLength(1);
    expect(result.errorPixels[0]?.outcome).toMatchObject({ kind: 'failed', reason: 'network' });
    expect(pixels(server)).toEqual([]);
  });

  it('lets the allowlist and allowPrivateNetwork through', async () => {
    for (const options of [{ allowlist: ['127.0.0.1'] }, { allowlist: ['127.0.0.0/8', '::1'] }, { allowPrivateNetwork: true }]) {
      const result = await make(options).get(server.url('/inline.xml'));
      expect(result.ads.map((a) => a.ad.id)).toEqual(['ok']);
    }
    const mapped = await make({ allowPrivateNetwork: true }).get(`http://[::ffff:127.0.0.1]:${server.port}/inline.xml`);
    expect(mapped.ads).toHaveLength(1);
  });

  it('keeps cloud metadata refused under allowPrivateNetwork', async () => {
    const result = await make({ allowPrivateNetwork: true }).get('http://169.254.169.254/latest/meta-data/');
    expect(blockedCause(result.error)?.addressClass).toBe('cloudMetadata');
  });
});

describe('VastClient API', () => {
  let server: MockAdServer;
  let client: VastClient;
  let track: string;
  beforeAll(async () => {
    server = await adServer();
    client = testClient();
    track = server.url('/t');
    server.route('/inline.xml', vast([inlineAd({ id: 'in', track })]));
  });
  afterEach(() => server.reset());
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('emits resolving, resolved, error and warning events', async () => {
    const events: { name: string; event: unknown }[] = [];
    const names = ['resolving', 'resolved', 'error', 'warning'] as const;
    const off = names.map((name) =>
      client.on(name, (event: VastClientEventMap[typeof name]) => events.push({ name, event })),
    );
    server.route('/two.xml', vast([inlineAd({ id: 'a', track }), inlineAd({ id: 'b', track })]));
    server.route('/ev.xml', vast([wrapperAd({ id: 'ev', track, uri: server.url('/two.xml') })]));
    await client.get(server.url('/ev.xml'));
    server.route('/ev-bad.xml', vast([wrapperAd({ id: 'evb', track, uri: server.url('/missing') })]));
    await client.get(server.url('/ev-bad.xml'));
    off.forEach((unsubscribe) => unsubscribe());
    await client.get(server.url('/ev.xml'));
    expect(events.map((e) => e.name)).toEqual([
      'resolving',
      'resolved',
      'resolving',
      'resolved',
      'warning',
      'resolving',
      'resolved',
      'resolving',
      'error',
    ]);
    expect(events[1]?.event).toMatchObject({ url: server.url('/ev.xml'), depth: 0, status: 200 });
    expect((events[1]?.event as VastClientEventMap['resolved']).bytes).toBeGreaterThan(0);
    expect(events[8]?.event).toMatchObject({ depth: 1, error: { errorCode: 301 } });
  });

  it('keeps resolving when a listener throws', async () => {
    const off = client.on('resolving', () => {
      throw new Error('broken telemetry');
    });
    const result = await client.get(server.url('/inline.xml'));
    off();
    expect(result.ads).toHaveLength(1);
  });

  it('resolves a document the caller already has, as a model or as XML', async () => {
    const xml = vast([wrapperAd({ id: 'own', track, uri: server.url('/inline.xml') })]);
    const fromXml = await client.resolve(xml);
    expect(fromXml.ads[0]?.wrappers.map((w) => w.id)).toEqual(['own']);
    expect(fromXml.ads[0]?.chain.map((h) => h.depth)).toEqual([1]);
    const fromModel = await client.resolve(client.parse(xml));
    expect(fromModel.ads[0]?.ad.impressions).toHaveLength(2);
    const fromBytes = await client.resolve(new TextEncoder().encode(vast([inlineAd({ id: 'bytes', track })])));
    expect(fromBytes.ads[0]?.ad.id).toBe('bytes');
    expect(fromBytes.ads[0]?.chain).toEqual([]);
    const broken = await client.resolve('<VAST');
    expect(broken.error?.errorCode).toBe(100);
  });

  it('parses with the client’s settings', () => {
    expect(client.parse(vast([inlineAd({ id: 'p', track })])).ads[0]?.id).toBe('p');
    expect(() => client.parse('not xml')).toThrow(expect.objectContaining({ errorCode: 100 }));
    const small = testClient({ maxResponseBytes: 64 });
    expect(() => small.parse(vast([inlineAd({ id: 'p', track })]))).toThrow(expect.objectContaining({ errorCode: 100 }));
    return small.close();
  });

  it('sends Error pixels to the transport it is given', async () => {
    const transport = new RecordingBeaconTransport();
    const recording = testClient({ errorPixelTransport: transport });
    try {
      const result = await recording.get(routeChain(server, 'rec', 7));
      expect(result.errorPixels.map((p) => p.outcome.kind)).toEqual(Array(6).fill('recorded'));
      expect(transport.beacons().map((b) => [b.event, b.errorCode, b.level])).toEqual(
        [0, 1, 2, 3, 4, 5].map((level) => ['error', 302, level]),
      );
      expect(pixels(server)).toEqual([]);
    } finally {
      await recording.close();
    }
  });

  it('rejects at once when the caller’s signal is already aborted', async () => {
    const reason = new Error('too late');
    await expect(client.get(server.url('/inline.xml'), { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(client.resolve(vast([wrapperAd({ id: 'late', track, uri: server.url('/inline.xml') })]), { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.received()).toEqual([]);
  });

  it('fails and drops Error pixels once closed, without sending anything', async () => {
    const closed = testClient();
    await closed.close();
    const result = await closed.resolve(vast([wrapperAd({ id: 'after-close', track, uri: server.url('/inline.xml') })]));
    expect(result.error?.errorCode).toBe(301);
    expect(result.errorPixels.map((p) => p.outcome)).toMatchObject([{ kind: 'dropped', reason: 'transport-closed' }]);
    expect(server.received()).toEqual([]);
  });

  it('names a value of the wrong type in a config error', () => {
    expect(() => new VastClient({ hopTimeoutMs: {} as unknown as number })).toThrow(/hopTimeoutMs: \[object Object\]/u);
    expect(() => new VastClient({ maxRedirects: 'x' as unknown as number })).toThrow(/maxRedirects: "x"/u);
  });

  it.each([
    ['hopTimeoutMs', { hopTimeoutMs: 0 }],
    ['chainTimeoutMs', { chainTimeoutMs: Number.NaN }],
    ['maxResponseBytes', { maxResponseBytes: 1.5 }],
    ['maxRedirects', { maxRedirects: -1 }],
    ['maxWrapperDepth', { maxWrapperDepth: -2 }],
    ['connectionsPerOrigin', { connectionsPerOrigin: 0 }],
    ['allowlist[0]', { allowlist: ['not a host'] }],
  ])('names a bad %s option', (path, options) => {
    let caught: unknown;
    try {
      new VastClient(options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VastClientConfigError);
    expect((caught as VastClientConfigError).path).toBe(path);
    expect((caught as VastClientConfigError).message).toContain(path);
  });
});
