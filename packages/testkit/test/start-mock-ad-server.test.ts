import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { SimulatedTimeProvider } from '@vast/time';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockAdServer, type MockAdServer } from '../src/index.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const open: MockAdServer[] = [];

async function start(...args: Parameters<typeof startMockAdServer>): Promise<MockAdServer> {
  const server = await startMockAdServer(...args);
  open.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A raw GET with node:http that never follows redirects. */
function get(url: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('startMockAdServer', () => {
  it('listens on 127.0.0.1 and a free port and builds URLs', async () => {
    const a = await start();
    const b = await start();
    expect(a.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.port).not.toBe(b.port);
    expect(a.url('/x.xml')).toBe(`${a.origin}/x.xml`);
    expect(a.url('x.xml')).toBe(`${a.origin}/x.xml`);
  });

  it('serves a string route as a 200 VAST document', async () => {
    const server = await start({ routes: { '/vast.xml': '<VAST version="4.2"/>' } });
    const res = await get(server.url('/vast.xml?x=1'));
    expect(res.status).toBe(200);
    expect(res.body).toBe('<VAST version="4.2"/>');
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
  });

  it('keeps a route content type and sends bytes as given', async () => {
    const server = await start({
      routes: { '/b': { body: new Uint8Array([104, 105]), headers: { 'Content-Type': 'text/plain' }, status: 201 } },
    });
    const res = await get(server.url('/b'));
    expect(res).toMatchObject({ status: 201, body: 'hi' });
    expect(res.headers['content-type']).toBe('text/plain');
  });

  it('answers 404 for unknown paths, or the configured fallback', async () => {
    const plain = await start();
    expect((await get(plain.url('/nothing'))).status).toBe(404);
    const beacons = await start({ fallback: { status: 204 } });
    expect((await get(beacons.url('/any/pixel'))).status).toBe(204);
  });

  it('matches prefix routes, the longest prefix first and an exact path before both', async () => {
    const server = await start({
      routes: { '/t/*': { status: 204 }, '/t/long/*': { status: 202 }, '/t/long/exact': { status: 200 } },
    });
    expect((await get(server.url('/t/a'))).status).toBe(204);
    expect((await get(server.url('/t/long/b'))).status).toBe(202);
    expect((await get(server.url('/t/long/exact'))).status).toBe(200);
  });

  it('serves a folder so that a wrapper chain by relative URL resolves on the same server', async () => {
    const server = await start({ root: fixtures });
    const wrapper = await get(server.url('/chain/wrapper.xml'));
    expect(wrapper.status).toBe(200);
    const relative = /<VASTAdTagURI><!\[CDATA\[(.+?)\]\]>/.exec(wrapper.body)?.[1] ?? '';
    const inline = await get(new URL(relative, server.url('/chain/wrapper.xml')).href);
    expect(inline.status).toBe(200);
    expect(inline.body).toContain('testkit-inline');
    expect(inline.headers['content-type']).toBe('application/xml; charset=utf-8');
  });

  it('never serves a file outside its folder', async () => {
    const server = await start({ root: `${fixtures}chain` });
    expect((await get(server.url('/%2e%2e/chain/inline.xml'))).status).toBe(404);
    expect((await get(server.url('/%E0%A4%A'))).status).toBe(404);
    expect((await get(server.url('/missing.xml'))).status).toBe(404);
  });

  it('records method, path, query, headers, time and body of every request', async () => {
    const clock = new SimulatedTimeProvider({ mode: 'manual', startTime: 1_000 });
    const server = await start({ routes: { '/t': { status: 204 } }, time: clock });
    const res = await fetch(server.url('/t?event=start&x=%26'), {
      method: 'POST',
      body: 'payload',
      headers: { 'x-device-ip': '203.0.113.9' },
    });
    expect(res.status).toBe(204);
    const [hit] = server.received();
    expect(hit).toMatchObject({
      method: 'POST',
      path: '/t',
      url: '/t?event=start&x=%26',
      query: { event: 'start', x: '&' },
      time: 1_000,
      body: 'payload',
    });
    expect(hit?.headers['x-device-ip']).toBe('203.0.113.9');
  });

  it('records at most maxRecordedBodyBytes of a body', async () => {
    const server = await start({ maxRecordedBodyBytes: 3, fallback: { status: 204 } });
    await fetch(server.url('/p'), { method: 'POST', body: 'abcdef' });
    expect(server.received()[0]?.body).toBe('abc');
  });

  it('plays a sequence per route and then repeats its last answer', async () => {
    const server = await start({ routes: { '/flaky': [{ status: 503 }, { status: 200, body: 'ok' }] } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(server.url('/flaky'))).status);
    expect(statuses).toEqual([503, 200, 200]);
    server.reset();
    expect(server.received()).toEqual([]);
    expect((await get(server.url('/flaky'))).status).toBe(503);
  });

  it('answers 500 for an empty sequence rather than crashing', async () => {
    const server = await start({ routes: { '/e': [] } });
    expect((await get(server.url('/e'))).status).toBe(500);
  });

  it('adds or replaces routes at runtime and restarts their sequence', async () => {
    const server = await start();
    server.route('/late', [{ status: 500 }, { status: 200 }]);
    expect((await get(server.url('/late'))).status).toBe(500);
    server.route('/late', [{ status: 502 }, { status: 200 }]);
    expect((await get(server.url('/late'))).status).toBe(502);
  });

  it('delays an answer by the given milliseconds of its clock', async () => {
    const clock = new SimulatedTimeProvider({ mode: 'manual' });
    const server = await start({ routes: { '/slow': { delayMs: 250, body: 'late' } }, time: clock });
    const pending = get(server.url('/slow'));
    await server.waitFor((r) => r.path === '/slow');
    // The delay is the one sleeper on the clock once the request is in.
    await expect.poll(() => clock.pendingCount).toBe(1);
    clock.tick(250);
    expect((await pending).body).toBe('late');
  });

  it('delays with the wall clock when no clock is given', async () => {
    const server = await start({ routes: { '/slow': { delayMs: 5, status: 204 } } });
    expect((await get(server.url('/slow'))).status).toBe(204);
  });

  it('answers many delayed requests at once without a listener-leak warning', async () => {
    const server = await start({ routes: { '/slow': { delayMs: 20, status: 204 } } });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const answers = await Promise.all(Array.from({ length: 30 }, () => get(server.url('/slow'))));
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 30 }, () => 204));
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('hangs until the server closes, which ends the hung request', async () => {
    const server = await startMockAdServer({ routes: { '/hang': { fault: { type: 'hang' } } } });
    const pending = get(server.url('/hang'));
    await server.waitFor((r) => r.path === '/hang');
    await server.close();
    await expect(pending).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('ends a hang when the client goes away', async () => {
    const server = await start({ routes: { '/hang': { fault: { type: 'hang' } } } });
    const controller = new AbortController();
    const pending = fetch(server.url('/hang'), { signal: controller.signal });
    await server.waitFor((r) => r.path === '/hang');
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect((await get(server.url('/other'))).status).toBe(404);
  });

  it('resets the connection without an HTTP answer', async () => {
    const server = await start({ routes: { '/reset': { fault: { type: 'reset' } } } });
    await expect(get(server.url('/reset'))).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(server.received()).toHaveLength(1);
  });

  it('streams an oversized body, chunked or with a declared length', async () => {
    const server = await start({
      routes: {
        '/big': { fault: { type: 'oversized', bytes: 200_000, chunkBytes: 10_000 } },
        '/big-declared': { fault: { type: 'oversized', bytes: 70_000, declareLength: true } },
      },
    });
    const chunked = await get(server.url('/big'));
    expect(chunked.body.length).toBe(200_000);
    expect(chunked.headers['transfer-encoding']).toBe('chunked');
    const declared = await get(server.url('/big-declared'));
    expect(declared.body.length).toBe(70_000);
    expect(declared.headers['content-length']).toBe('70000');
  });

  it('stops streaming an oversized body when the client gives up', async () => {
    const server = await start({ routes: { '/huge': { fault: { type: 'oversized', bytes: 1e9 } } } });
    await new Promise<void>((resolve, reject) => {
      const req = request(server.url('/huge'), { agent: false }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', reject).end();
    });
    expect((await get(server.url('/x'))).status).toBe(404);
  });

  it('redirects a route to itself for a redirect loop', async () => {
    const server = await start({
      routes: { '/loop': { fault: { type: 'redirect-loop' } }, '/loop307': { fault: { type: 'redirect-loop', status: 307 } } },
    });
    const res = await get(server.url('/loop?n=1'));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/loop?n=1');
    expect((await get(server.url('/loop307'))).status).toBe(307);
    await expect(fetch(server.url('/loop'))).rejects.toThrow();
  });
});

describe('MockAdServer.waitFor', () => {
  it('resolves at once with requests already received', async () => {
    const server = await start({ fallback: { status: 204 } });
    await get(server.url('/a'));
    await get(server.url('/a'));
    const hits = await server.waitFor((r) => r.path === '/a', { count: 2 });
    expect(hits).toHaveLength(2);
  });

  it('resolves when enough matching requests arrive later', async () => {
    const server = await start({ fallback: { status: 204 } });
    const waiting = server.waitFor((r) => r.path === '/b', { count: 2 });
    await get(server.url('/a'));
    await get(server.url('/b'));
    await get(server.url('/b'));
    expect((await waiting).map((r) => r.path)).toEqual(['/b', '/b']);
  });

  it('rejects after the timeout on its clock, naming what it saw', async () => {
    const clock = new SimulatedTimeProvider({ mode: 'manual' });
    const server = await start({ time: clock });
    const waiting = server.waitFor((r) => r.path === '/never', { timeout: 1000 });
    clock.tick(1000);
    await expect(waiting).rejects.toThrow('waitFor: 0 of 1 matching request(s) after 1000 ms');
  });

  it('rejects with the abort reason, whether aborted before or during the wait', async () => {
    const server = await start({ time: new SimulatedTimeProvider({ mode: 'manual' }) });
    const before = new AbortController();
    before.abort(new Error('gone'));
    await expect(server.waitFor(() => false, { signal: before.signal })).rejects.toThrow('gone');
    const during = new AbortController();
    const waiting = server.waitFor(() => false, { signal: during.signal });
    during.abort(new Error('later'));
    await expect(waiting).rejects.toThrow('later');
  });
});
