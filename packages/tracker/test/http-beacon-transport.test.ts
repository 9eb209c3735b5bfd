import { afterEach, describe, expect, it } from 'vitest';
import { startMockAdServer, type MockAdServer, type MockRoute } from '@vast/testkit';
import { SimulatedTimeProvider } from '@vast/time';
import { Agent, buildConnector } from 'undici';
import { HttpBeaconTransport, type Beacon, type HttpBeaconTransportOptions } from '../src/index.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function server(routes: Record<string, MockRoute>): Promise<MockAdServer> {
  const s = await startMockAdServer({ routes, fallback: { status: 204 } });
  cleanup.push(() => s.close());
  return s;
}

function transport(options: HttpBeaconTransportOptions = {}): HttpBeaconTransport {
  const t = new HttpBeaconTransport({ retryBackoffMs: 1, ...options });
  cleanup.push(() => t.close());
  return t;
}

let nextId = 0;
function beacon(url: string, extra: Partial<Beacon> = {}): Beacon {
  nextId++;
  return { id: nextId, event: 'impression', url, template: url, level: 0, time: 0, ...extra };
}

describe('HttpBeaconTransport: delivery and retries against the testkit', () => {
  it('sends a GET and reports the status', async () => {
    const s = await server({ '/imp': { status: 200 } });
    const outcome = await transport().send(beacon(s.url('/imp?cb=12345678')));
    expect(outcome).toMatchObject({ kind: 'sent', status: 200, attempts: 1 });
    expect(s.received().map((r) => [r.method, r.url])).toEqual([['GET', '/imp?cb=12345678']]);
    expect(s.received()[0]?.headers['user-agent']).toBe('@vast/tracker');
  });

  it('a 503 then a 200 is one delivered beacon after one retry', async () => {
    const s = await server({ '/imp': [{ status: 503 }, { status: 200 }] });
    const outcome = await transport().send(beacon(s.url('/imp')));
    expect(outcome).toMatchObject({ kind: 'sent', status: 200, attempts: 2 });
    expect(s.received()).toHaveLength(2);
  });

  it('gives up on a 5xx after the configured retries', async () => {
    const s = await server({ '/imp': { status: 502 } });
    const outcome = await transport({ retries: 3 }).send(beacon(s.url('/imp')));
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'http-status', status: 502, attempts: 4 });
    expect(s.received()).toHaveLength(4);
  });

  it('does not retry a 404', async () => {
    const s = await server({ '/imp': { status: 404 } });
    const outcome = await transport({ retries: 3 }).send(beacon(s.url('/imp')));
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'http-status', status: 404, attempts: 1 });
    expect(s.received()).toHaveLength(1);
  });

  it('retries a connection reset', async () => {
    const s = await server({ '/imp': [{ fault: { type: 'reset' } }, { status: 200 }] });
    const outcome = await transport().send(beacon(s.url('/imp')));
    expect(outcome).toMatchObject({ kind: 'sent', status: 200, attempts: 2 });
    expect(s.received()).toHaveLength(2);
  });

  it('reports a network failure after the retries when resets go on', async () => {
    const s = await server({ '/imp': { fault: { type: 'reset' } } });
    const outcome = await transport({ retries: 1 }).send(beacon(s.url('/imp')));
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'network', attempts: 2 });
  });

  it('reports a refused connection as a network failure', async () => {
    const s = await startMockAdServer();
    const url = s.url('/gone');
    await s.close();
    const outcome = await transport({ retries: 0 }).send(beacon(url));
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'network', attempts: 1 });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/ECONNREFUSED/);
  });

  it('times out a hung request with undici timers when no clock is given', async () => {
    const s = await server({ '/hang': { fault: { type: 'hang' } } });
    const outcome = await transport({ timeoutMs: 300 }).send(beacon(s.url('/hang')));
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'timeout', attempts: 1 });
  });

  it('times out a hung request on its clock and does not retry it by default', async () => {
    const s = await server({ '/hang': { fault: { type: 'hang' } } });
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const t = transport({ time, timeoutMs: 2000 });
    const pending = t.send(beacon(s.url('/hang')));
    await s.waitFor((r) => r.path === '/hang');
    time.tick(2000);
    expect(await pending).toMatchObject({ kind: 'failed', reason: 'timeout', attempts: 1 });
    expect(s.received()).toHaveLength(1);
  });

  it('retries a timeout when asked to', async () => {
    const s = await server({ '/slow': [{ fault: { type: 'hang' } }, { status: 200 }] });
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const t = transport({ time, timeoutMs: 1000, retryOnTimeout: true, retryBackoffMs: 100 });
    const pending = t.send(beacon(s.url('/slow')));
    await s.waitFor((r) => r.path === '/slow');
    time.tick(1000);
    await expect.poll(() => time.pendingCount).toBeGreaterThan(0);
    time.tick(100);
    expect(await pending).toMatchObject({ kind: 'sent', status: 200, attempts: 2 });
  });

  it('follows a redirect, and stops at the redirect cap', async () => {
    const s = await server({
      '/r': { status: 302, headers: { location: '/final' } },
      '/final': { status: 200 },
      '/loop': { fault: { type: 'redirect-loop' } },
    });
    const t = transport({ maxRedirections: 2 });
    expect(await t.send(beacon(s.url('/r')))).toMatchObject({ kind: 'sent', status: 200 });
    const loop = await t.send(beacon(s.url('/loop')));
    expect(loop).toMatchObject({ kind: 'failed', reason: 'http-status', status: 302, attempts: 1 });
    expect(loop.kind === 'failed' && loop.message).toBe('more than 2 redirects');
    expect(s.received().filter((r) => r.path === '/loop')).toHaveLength(3);
  });

  it('refuses a redirect to a non-http URL', async () => {
    const s = await server({
      '/r': { status: 302, headers: { location: 'ftp://files.example/x' } },
      '/bad': { status: 307, headers: { location: 'http://[::1' } },
    });
    const t = transport();
    const outcome = await t.send(beacon(s.url('/r')));
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'http-status', status: 302, attempts: 1 });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/non-http/);
    expect(await t.send(beacon(s.url('/bad')))).toMatchObject({ kind: 'failed', status: 307 });
  });

  it('treats a 3xx without a Location as the final answer', async () => {
    const s = await server({ '/nm': { status: 304 } });
    expect(await transport().send(beacon(s.url('/nm')))).toMatchObject({ kind: 'sent', status: 304 });
  });

  it('reads and discards a large response body', async () => {
    const s = await server({ '/big': { fault: { type: 'oversized', bytes: 2_000_000 } } });
    const outcome = await transport().send(beacon(s.url('/big')));
    expect(outcome).toMatchObject({ kind: 'sent', status: 200, attempts: 1 });
  });
});

describe('HttpBeaconTransport: headers', () => {
  const device = {
    deviceIp: '203.0.113.7',
    deviceUserAgent: 'Roku/DVP-12.0',
    deviceReferer: 'https://app.example/',
    deviceAcceptLanguage: 'de-DE',
    deviceRequestedWith: 'com.example.tv',
    headers: { 'x-session': 's1' },
  };

  it('sends the SSAI X-Device-* headers of the beacon when enabled', async () => {
    const s = await server({});
    await transport({ ssaiHeaders: true, headers: { 'x-static': 'yes' } }).send(beacon(s.url('/b'), { requestContext: device }));
    expect(s.received()[0]?.headers).toMatchObject({
      'x-device-ip': '203.0.113.7',
      'x-device-user-agent': 'Roku/DVP-12.0',
      'x-device-referer': 'https://app.example/',
      'x-device-accept-language': 'de-DE',
      'x-device-requested-with': 'com.example.tv',
      'x-session': 's1',
      'x-static': 'yes',
    });
  });

  it('falls back to the transport request context, and sends none when SSAI headers are off', async () => {
    const s = await server({});
    await transport({ ssaiHeaders: true, requestContext: { deviceIp: '198.51.100.1' } }).send(beacon(s.url('/a')));
    await transport({ requestContext: device }).send(beacon(s.url('/b'), { requestContext: device }));
    const [a, b] = s.received();
    expect(a?.headers['x-device-ip']).toBe('198.51.100.1');
    expect(b?.headers['x-device-ip']).toBeUndefined();
  });

  it('fails without retry when a header value is invalid', async () => {
    const s = await server({});
    const outcome = await transport({ ssaiHeaders: true }).send(beacon(s.url('/b'), { requestContext: { deviceIp: 'a\r\nb' } }));
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'network', attempts: 1 });
    expect(s.received()).toHaveLength(0);
  });
});

describe('HttpBeaconTransport: policy, concurrency, flush and close', () => {
  it('drops non-http URLs with an outcome and never calls them', async () => {
    const t = transport();
    expect(await t.send(beacon('file:///etc/passwd'))).toMatchObject({ kind: 'dropped', reason: 'unsupported-scheme' });
    expect(await t.send(beacon('data:text/plain,hi'))).toMatchObject({ kind: 'dropped', reason: 'unsupported-scheme' });
    expect(await t.send(beacon('::nope'))).toMatchObject({ kind: 'dropped', reason: 'invalid-url' });
  });

  it('caps concurrent requests and queues the rest, dropping beyond the queue limit', async () => {
    const s = await server({ '/hang': { fault: { type: 'hang' } } });
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const t = transport({ time, maxConcurrent: 2, maxQueued: 1, timeoutMs: 1000 });
    const sends = [1, 2, 3].map(() => t.send(beacon(s.url('/hang'))));
    expect(await t.send(beacon(s.url('/hang')))).toMatchObject({ kind: 'dropped', reason: 'queue-full' });
    await s.waitFor((r) => r.path === '/hang', { count: 2 });
    expect([t.inFlight, t.queued]).toEqual([2, 1]);
    time.tick(1000);
    await s.waitFor((r) => r.path === '/hang', { count: 3 });
    expect(s.received()).toHaveLength(3);
    time.tick(1000);
    const outcomes = await Promise.all(sends);
    expect(outcomes.map((o) => (o.kind === 'failed' ? o.reason : o.kind))).toEqual(['timeout', 'timeout', 'timeout']);
    expect([t.inFlight, t.queued]).toEqual([0, 0]);
  });

  it('close() waits for every beacon in flight or queued: none is lost', async () => {
    const s = await server({ '/slow': { delayMs: 20, status: 204 } });
    const t = new HttpBeaconTransport({ maxConcurrent: 4 });
    const sends = Array.from({ length: 40 }, (_, i) => t.send(beacon(s.url(`/slow?n=${i}`))));
    await t.close();
    expect(s.received()).toHaveLength(40);
    const outcomes = await Promise.all(sends);
    expect(outcomes.every((o) => o.kind === 'sent' && o.status === 204)).toBe(true);
    expect(await t.send(beacon(s.url('/slow')))).toMatchObject({ kind: 'dropped', reason: 'transport-closed' });
  });

  it('flush() waits for beacons sent while it waits', async () => {
    const s = await server({ '/a': { delayMs: 5, status: 204 } });
    const t = transport();
    const first = t.send(beacon(s.url('/a')));
    void first.then(() => t.send(beacon(s.url('/a?second'))));
    await t.flush();
    expect(s.received().map((r) => r.url)).toEqual(['/a', '/a?second']);
  });

  it('aborts a beacon with the caller signal, before, during a request or during backoff', async () => {
    const s = await server({ '/hang': { fault: { type: 'hang' } }, '/fail': { status: 500 } });
    const t = transport({ retryBackoffMs: 60_000 });
    const already = new AbortController();
    already.abort();
    expect(await t.send(beacon(s.url('/hang')), already.signal)).toMatchObject({ kind: 'failed', reason: 'aborted', attempts: 0 });
    const during = new AbortController();
    const pending = t.send(beacon(s.url('/hang')), during.signal);
    await s.waitFor((r) => r.path === '/hang');
    during.abort();
    expect(await pending).toMatchObject({ kind: 'failed', reason: 'aborted', attempts: 1 });
    const backoff = new AbortController();
    const failing = t.send(beacon(s.url('/fail')), backoff.signal);
    await s.waitFor((r) => r.path === '/fail');
    backoff.abort();
    expect(await failing).toMatchObject({ kind: 'failed', reason: 'aborted', attempts: 1 });
  });
});

describe('HttpBeaconTransport over a dispatcher of the caller', () => {
  function agentWithConnector(refuse: (hostname: string) => boolean): { agent: Agent; connections: string[] } {
    const connections: string[] = [];
    const connect = buildConnector({});
    const agent = new Agent({
      connect: (options, callback) => {
        connections.push(options.hostname);
        if (refuse(options.hostname)) {
          callback(Object.assign(new Error(`refused ${options.hostname}`), { code: 'SSRF_BLOCKED' }), null);
          return;
        }
        connect(options, callback);
      },
    });
    cleanup.push(() => agent.close());
    return { agent, connections };
  }

  it('sends beacons through the given dispatcher and leaves it open on close()', async () => {
    const s = await server({ '/imp': { status: 200 } });
    const { agent, connections } = agentWithConnector(() => false);
    const t = new HttpBeaconTransport({ dispatcher: agent });
    expect(await t.send(beacon(s.url('/imp')))).toMatchObject({ kind: 'sent', status: 200, attempts: 1 });
    expect(connections).toEqual(['127.0.0.1']);
    await t.close();
    expect(agent.closed).toBe(false);
    const after = await agent.request({ origin: s.origin, path: '/imp', method: 'GET' });
    await after.body.dump();
    expect(after.statusCode).toBe(200);
    expect(s.received()).toHaveLength(2);
  });

  it('closes an Agent of its own', async () => {
    const s = await server({ '/imp': { status: 200 } });
    const t = new HttpBeaconTransport();
    await t.send(beacon(s.url('/imp')));
    await t.close();
    expect(await t.send(beacon(s.url('/imp')))).toMatchObject({ kind: 'dropped', reason: 'transport-closed' });
  });

  it('does not retry a connection refused by an SSRF guard, and nothing reaches the server', async () => {
    const s = await server({ '/imp': { status: 200 } });
    const { agent, connections } = agentWithConnector(() => true);
    const t = transport({ dispatcher: agent, retries: 3 });
    const outcome = await t.send(beacon(s.url('/imp')));
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'network', attempts: 1 });
    expect(outcome.kind === 'failed' && outcome.message).toBe('SSRF_BLOCKED: refused 127.0.0.1');
    expect(connections).toEqual(['127.0.0.1']);
    expect(s.received()).toHaveLength(0);
  });
});
