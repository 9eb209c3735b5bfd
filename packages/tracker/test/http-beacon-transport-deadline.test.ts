import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockAdServer, type MockAdServer, type MockRoute } from '@vast/testkit';
import { SimulatedTimeProvider } from '@vast/time';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpBeaconTransport, type Beacon, type HttpBeaconTransportOptions } from '../src/index.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A loopback server whose `/drip` answers 200 and then writes one byte every 50 ms, for ever. */
async function dripServer(): Promise<{ url: (path: string) => string; open: () => number }> {
  const dripping = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/gif' });
    dripping.add(res);
    const timer = setInterval(() => res.write('.'), 50);
    timers.add(timer);
    res.on('close', () => {
      clearInterval(timer);
      dripping.delete(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(
    () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const port = (server.address() as AddressInfo).port;
  return { url: (path) => `http://127.0.0.1:${port}${path}`, open: () => dripping.size };
}

async function mockServer(routes: Record<string, MockRoute>): Promise<MockAdServer> {
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
function beacon(url: string): Beacon {
  nextId++;
  return { id: nextId, event: 'impression', url, template: url, level: 0, time: 0 };
}

describe('HttpBeaconTransport: timeoutMs is a deadline', () => {
  it('fails a beacon with timeout against a server dripping its body, though bytes keep coming', async () => {
    const drip = await dripServer();
    const t = transport({ timeoutMs: 400, retries: 0 });
    const outcome = await t.send(beacon(drip.url('/drip')));
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'timeout', attempts: 1 });
    // The dripping response was given up, not read to its end.
    await t.flush();
    expect(t.inFlight).toBe(0);
  });

  it('dripping beacons that fill maxConcurrent free their slots by their deadline, and flush() returns', async () => {
    const drip = await dripServer();
    const healthy = await mockServer({ '/ok': { status: 204 } });
    const t = transport({ timeoutMs: 300, retries: 0, maxConcurrent: 4 });
    const slow = Array.from({ length: 4 }, () => t.send(beacon(drip.url('/drip'))));
    const fine = t.send(beacon(healthy.url('/ok')));
    expect(await fine).toMatchObject({ kind: 'sent', status: 204 });
    expect((await Promise.all(slow)).map((o) => o.kind === 'failed' && o.reason)).toEqual(['timeout', 'timeout', 'timeout', 'timeout']);
    await t.flush();
    expect(t.queued).toBe(0);
  });

  it('holds no timer once its beacons settle: the deadlines of all beacons share one timer, stopped when idle', async () => {
    const healthy = await mockServer({ '/ok': { status: 204 } });
    const drip = await dripServer();
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const t = transport({ timeoutMs: 60_000, retries: 0, time });
    const sent = await Promise.all(Array.from({ length: 20 }, () => t.send(beacon(healthy.url('/ok')))));
    expect(sent.every((o) => o.kind === 'sent')).toBe(true);
    expect(time.pendingCount).toBe(0);
    // A hanging beacon holds the one timer until its deadline.
    const hanging = t.send(beacon(drip.url('/drip')));
    while (drip.open() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(time.pendingCount).toBe(1);
    time.tick(60_000);
    expect(await hanging).toMatchObject({ kind: 'failed', reason: 'timeout' });
    expect(time.pendingCount).toBe(0);
    // close() is idempotent (the cleanup closes it again).
    await Promise.all([t.close(), t.close()]);
    expect(time.pendingCount).toBe(0);
  });

  it('a beacon aborted while queued leaves the queue without being sent', async () => {
    const drip = await dripServer();
    const healthy = await mockServer({ '/ok': { status: 204 } });
    const t = transport({ timeoutMs: 300, retries: 0, maxConcurrent: 1 });
    const slow = t.send(beacon(drip.url('/drip')));
    const caller = new AbortController();
    const queued = t.send(beacon(healthy.url('/ok')), caller.signal);
    expect(t.queued).toBe(1);
    caller.abort();
    expect(await queued).toMatchObject({ kind: 'failed', reason: 'aborted', attempts: 0 });
    expect(t.queued).toBe(0);
    await slow;
    expect(healthy.received()).toEqual([]);
  });
});

describe('HttpBeaconTransport: header scope on redirects', () => {
  it('sends its headers to the beacon origin only; device headers and the user agent follow a cross-origin redirect', async () => {
    const other = await mockServer({ '/pixel': { status: 204 } });
    const first = await mockServer({ '/imp': { status: 302, headers: { location: other.url('/pixel') } } });
    const t = transport({
      headers: { authorization: 'Bearer x', 'x-api-key': 'k' },
      ssaiHeaders: true,
      requestContext: { deviceIp: '203.0.113.7' },
    });
    expect(await t.send(beacon(first.url('/imp')))).toMatchObject({ kind: 'sent', status: 204 });
    expect(first.received()[0]?.headers).toMatchObject({ authorization: 'Bearer x', 'x-api-key': 'k', 'x-device-ip': '203.0.113.7' });
    const hop = other.received()[0]?.headers;
    expect(hop).toMatchObject({ 'x-device-ip': '203.0.113.7', 'user-agent': '@vast/tracker' });
    expect(hop?.authorization).toBeUndefined();
    expect(hop?.['x-api-key']).toBeUndefined();
  });
});
