import type { MockAdServer } from '@vast/testkit';
import { HttpBeaconTransport, type Beacon } from '@vast/tracker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VastClientConfigError } from '../src/client-config-error.js';
import type { DnsLookup } from '../src/guarded-connector.js';
import { createGuardedDispatcher } from '../src/guarded-dispatcher.js';
import { VastClient } from '../src/vast-client.js';
import { vast, wrapperAd } from './fixtures/vast-xml.js';
import { adServer, pixels } from './helpers.js';

const toLoopback: DnsLookup = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
const SSRF_MESSAGE = /^SSRF_BLOCKED: Refused to connect to 127\.0\.0\.1.*: loopback addresses are blocked by the SSRF guard$/u;

let nextId = 0;
function beacon(url: string): Beacon {
  nextId++;
  return { id: nextId, event: 'impression', url, template: url, level: 0, time: 0 };
}

describe('Error pixels through HttpBeaconTransport over the guarded pool', () => {
  let server: MockAdServer;
  let track: string;
  const closing: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    server = await adServer();
    track = server.url('/t');
  });
  afterEach(async () => {
    for (const c of closing.splice(0)) await c.close();
    server.reset();
  });
  afterAll(() => server.close());

  function client(options: ConstructorParameters<typeof VastClient>[0]): VastClient {
    const made = new VastClient(options);
    closing.push(made);
    return made;
  }

  it('reports a pixel to a refused address as failed with the SSRF reason, without retrying or reaching the server', async () => {
    server.route('/sp.xml', vast([wrapperAd({ id: 'sp', track, uri: server.url('/nowhere') })]));
    // The ad tag host is allowed by name; the pixel's literal 127.0.0.1 is not.
    const c = client({ allowlist: ['ads.example.test'], lookup: toLoopback, errorPixelRetries: 3 });
    const result = await c.get(`http://ads.example.test:${server.port}/sp.xml`);
    expect(result.error?.errorCode).toBe(301);
    expect(result.errorPixels).toHaveLength(1);
    const outcome = result.errorPixels[0]?.outcome;
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'network', attempts: 1 });
    expect(outcome?.kind === 'failed' && outcome.message).toMatch(SSRF_MESSAGE);
    expect(pixels(server)).toEqual([]);
  });

  it('retries a 5xx pixel when errorPixelRetries asks, and sends the forwarded headers, not the ad tag ones', async () => {
    server.route('/t/err/rp', [{ status: 503 }, { status: 204 }]);
    server.route('/rp.xml', vast([wrapperAd({ id: 'rp', track, uri: server.url('/nowhere') })]));
    const c = client({
      allowlist: ['127.0.0.1'],
      errorPixelRetries: 1,
      forwardedHeaders: { 'x-tenant': 't1' },
      headers: { 'x-api-key': 'secret' },
    });
    const result = await c.get(server.url('/rp.xml'));
    expect(result.errorPixels.map((p) => p.outcome)).toMatchObject([{ kind: 'sent', status: 204, attempts: 2 }]);
    const sent = server.received().filter((r) => r.path === '/t/err/rp');
    expect(sent).toHaveLength(2);
    expect(sent[0]?.headers['user-agent']).toBe('@vast/client');
    expect(sent[0]?.headers['x-tenant']).toBe('t1');
    expect(sent[0]?.headers['x-api-key']).toBeUndefined();
  });

  it('sends an Error pixel once by default', async () => {
    server.route('/t/err/once', { status: 503 });
    server.route('/once.xml', vast([wrapperAd({ id: 'once', track, uri: server.url('/nowhere') })]));
    const result = await client({ allowlist: ['127.0.0.1'] }).get(server.url('/once.xml'));
    expect(result.errorPixels.map((p) => p.outcome)).toMatchObject([{ kind: 'failed', reason: 'http-status', status: 503, attempts: 1 }]);
    expect(pixels(server, 'err')).toHaveLength(1);
  });

  it('refuses a negative errorPixelRetries, naming it', () => {
    expect(() => new VastClient({ errorPixelRetries: -1 })).toThrow(VastClientConfigError);
    expect(() => new VastClient({ errorPixelRetries: -1 })).toThrow(/errorPixelRetries/u);
  });

  it('builds playback beacon transports over its own guarded pool', async () => {
    const guarded = client({});
    const refused = guarded.createBeaconTransport({ retries: 2 });
    const outcome = await refused.send(beacon(server.url('/t/imp/a')));
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'network', attempts: 1 });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(SSRF_MESSAGE);
    await refused.close();

    const allowed = client({ allowlist: ['127.0.0.1'] }).createBeaconTransport({ headers: { 'x-b': '1' } });
    expect(await allowed.send(beacon(server.url('/t/imp/b')))).toMatchObject({ kind: 'sent', status: 204 });
    await allowed.close();
    expect(pixels(server)).toEqual([{ path: 'imp/b', code: undefined }]);
    expect(server.received()[0]?.headers['x-b']).toBe('1');
  });
});

describe('createGuardedDispatcher', () => {
  let server: MockAdServer;
  beforeAll(async () => {
    server = await adServer();
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('refuses loopback, by literal address or by DNS answer, and no request reaches the server', async () => {
    const dispatcher = createGuardedDispatcher({ lookup: toLoopback });
    const transport = new HttpBeaconTransport({ dispatcher, retries: 2, retryBackoffMs: 1 });
    const literal = await transport.send(beacon(server.url('/t/imp/lit')));
    expect(literal).toMatchObject({ kind: 'failed', reason: 'network', attempts: 1 });
    expect(literal.kind === 'failed' && literal.message).toMatch(SSRF_MESSAGE);
    const named = await transport.send(beacon(`http://pixels.example.test:${server.port}/t/imp/dns`));
    expect(named).toMatchObject({ kind: 'failed', reason: 'network', attempts: 1 });
    expect(named.kind === 'failed' && named.message).toMatch(/resolved from pixels\.example\.test/u);
    await transport.close();
    await dispatcher.close();
    expect(server.received()).toEqual([]);
  });

  it('lets the allowlist through, and stays open when the transport closes', async () => {
    const dispatcher = createGuardedDispatcher({ allowlist: ['127.0.0.1'], connectionsPerOrigin: 2, keepAliveTimeoutMs: 1000 });
    const first = new HttpBeaconTransport({ dispatcher });
    expect(await first.send(beacon(server.url('/t/imp/1')))).toMatchObject({ kind: 'sent', status: 204 });
    await first.close();
    const second = new HttpBeaconTransport({ dispatcher });
    expect(await second.send(beacon(server.url('/t/imp/2')))).toMatchObject({ kind: 'sent', status: 204 });
    await second.close();
    await dispatcher.close();
    expect(pixels(server).map((p) => p.path)).toEqual(['imp/1', 'imp/2']);
  });

  it('names a bad allowlist entry', () => {
    expect(() => createGuardedDispatcher({ allowlist: ['not a host!'] })).toThrow(/allowlist\[0\]/u);
  });
});
