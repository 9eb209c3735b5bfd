import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RealtimeTimeProvider, SimulatedTimeProvider } from '@vast/time';
import { RecordingBeaconTransport } from '@vast/tracker';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../src/fetch-error.js';
import { HttpFetcher, type HttpFetcherSettings } from '../src/http-fetcher.js';
import { SsrfGuard } from '../src/ssrf-guard.js';
import type { VastClient } from '../src/vast-client.js';
import { inlineAd, vast, wrapperAd } from './fixtures/vast-xml.js';
import { testClient } from './helpers.js';

const INLINE = vast([inlineAd({ id: 'ok', track: 'http://127.0.0.1:9/t' })]);

/** A loopback server that holds `/hang*` requests until the test ends, answers `/slow*` after
 * `slowMs`, and everything else at once; it records the paths in arrival order. */
interface Loopback {
  readonly url: (path: string) => string;
  readonly paths: string[];
  /** Hung responses still open (never answered while the test runs). */
  readonly held: Set<ServerResponse>;
  /** Sockets accepted. */
  sockets: number;
  /** Answers the `/gate*` requests held so far. */
  openGate(): void;
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function loopback(slowMs = 50, bodies: Readonly<Record<string, string>> = {}): Promise<Loopback> {
  const held = new Set<ServerResponse>();
  const gated: ServerResponse[] = [];
  const answer = (res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/xml' }).end(INLINE);
  };
  const state: Loopback = {
    url: (path) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    paths: [],
    held,
    sockets: 0,
    openGate: () => gated.splice(0).forEach(answer),
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    state.paths.push(path);
    const body = bodies[path];
    if (body !== undefined) res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
    else if (path.startsWith('/missing')) res.writeHead(404).end();
    else if (path.startsWith('/hang')) held.add(res);
    else if (path.startsWith('/gate')) gated.push(res);
    else if (path.startsWith('/slow')) setTimeout(() => answer(res), slowMs);
    else answer(res);
  });
  server.on('connection', () => state.sockets++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(
    () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return state;
}

function fetcher(overrides: Partial<HttpFetcherSettings> = {}): HttpFetcher {
  const f = new HttpFetcher({
    time: new RealtimeTimeProvider(),
    guard: new SsrfGuard({ allowlist: ['127.0.0.1'] }),
    hopTimeoutMs: 30_000,
    maxResponseBytes: 1024 * 1024,
    maxRedirects: 3,
    connectionsPerOrigin: 1,
    maxSlowRequests: 0,
    slowRequestMs: 30_000,
    maxQueuedRequests: 1000,
    headers: {},
    ...overrides,
  });
  cleanup.push(() => f.destroy());
  return f;
}

function client(options: Parameters<typeof testClient>[0]): VastClient {
  const c = testClient(options);
  cleanup.push(() => c.close());
  return c;
}

/** Waits (a bounded number of turns) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

function kind(error: unknown): string | undefined {
  return error instanceof FetchError ? error.kind : undefined;
}

async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

describe('deadlines hold while a request waits for a connection', () => {
  it('a fetch whose budget ends while it waits for the busy connection fails with budget and opens no socket', async () => {
    const server = await loopback();
    const f = fetcher();
    const hog = new AbortController();
    const hung = settle(f.fetch(server.url('/hang'), { signal: hog.signal }));
    // 20 fetches wait behind it and run out of budget there.
    const waiting = await Promise.all(
      Array.from({ length: 20 }, (_, i) => settle(f.fetch(server.url(`/ok${i}`), { budgetMs: 200 }))),
    );
    expect(waiting.map((r) => (r.ok ? 'ok' : kind(r.error)))).toEqual(Array.from({ length: 20 }, () => 'budget'));
    expect(server.paths).toEqual(['/hang']);
    expect(f.connectionsOpened).toBe(1);
    expect(f.queued).toBe(0);
    hog.abort(new Error('test over'));
    expect((await hung).ok).toBe(false);
  });

  it('a get() settles by its chain budget when the only connection is taken by a hung request', async () => {
    const server = await loopback();
    const c = client({ connectionsPerOrigin: 1, hopTimeoutMs: 30_000, chainTimeoutMs: 1000, maxSlowRequests: 0 });
    const first = c.get(server.url('/hang0'));
    const second = c.get(server.url('/hang1'));
    const results = await Promise.all([first, second]);
    for (const result of results) {
      expect(result.error?.errorCode).toBe(301);
      expect(kind(result.error?.cause)).toBe('budget');
    }
    // The hung responses were never awaited: the server still holds them.
    expect(server.held.size).toBe(server.paths.length);
  });

  it('get() returns by its chain budget while an Error pixel hangs, and hands the pixel over as pending', async () => {
    const bodies: Record<string, string> = {};
    const server = await loopback(50, bodies);
    const base = server.url('');
    // The wrapper's target is missing (404): its Error pixel goes to a path that hangs.
    bodies['/tag.xml'] = vast([wrapperAd({ id: 'w', track: `${base}/hang-pixel`, uri: `${base}/missing.xml` })]);
    const c = client({ hopTimeoutMs: 1500, chainTimeoutMs: 500 });
    const result = await c.get(server.url('/tag.xml'));
    expect(result.error?.errorCode).toBe(301);
    expect(result.errorPixels).toEqual([]);
    expect(server.held.size).toBe(1);
    const pixels = await result.pendingErrorPixels;
    expect(pixels?.map((p) => p.outcome)).toMatchObject([{ kind: 'failed', reason: 'timeout' }]);
  });

  it('a chain whose budget ran out settles before its Error pixels are sent; they follow as pending', async () => {
    const bodies: Record<string, string> = {};
    const server = await loopback(50, bodies);
    const base = server.url('');
    // The wrapper's target hangs past the chain budget: the chain fails with 301 at its budget.
    bodies['/tag.xml'] = vast([wrapperAd({ id: 'w', track: `${base}/pixel`, uri: `${base}/hang-inline.xml` })]);
    const pixelTransport = new RecordingBeaconTransport();
    const c = client({ hopTimeoutMs: 5_000, chainTimeoutMs: 400, errorPixelTransport: pixelTransport });
    const result = await c.get(server.url('/tag.xml'));
    expect(result.error?.errorCode).toBe(301);
    expect(result.errorPixels).toEqual([]);
    // Settled first: the pixel had not even been handed to the transport when get() returned.
    expect(pixelTransport.beacons()).toEqual([]);
    const pixels = await result.pendingErrorPixels;
    expect(pixels?.map((p) => [p.code, p.outcome.kind])).toEqual([[301, 'recorded']]);
    expect(pixelTransport.beacons().map((b) => b.url)).toEqual([`${base}/pixel/err/w?code=301`]);
  });

  it('leaves no timer behind: none once calls have settled, none after close()', async () => {
    const bodies: Record<string, string> = {};
    const server = await loopback(50, bodies);
    const base = server.url('');
    bodies['/tag.xml'] = vast([wrapperAd({ id: 'w', track: `${base}/t`, uri: `${base}/inline.xml` })]);
    bodies['/inline.xml'] = vast([inlineAd({ id: 'i', track: `${base}/t` })]);
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const c = testClient({ time, errorPixelTransport: new RecordingBeaconTransport() });
    const results = await Promise.all(Array.from({ length: 20 }, () => c.get(server.url('/tag.xml'))));
    expect(results.every((r) => r.ads.length === 1)).toBe(true);
    // A hop deadline's sleep is kept to the end of the turn, for the next hop to reuse.
    await new Promise((resolve) => setImmediate(resolve));
    expect(time.pendingCount).toBe(0);
    await c.close();
    expect(time.pendingCount).toBe(0);
  });

  it('an abort by the caller while waiting leaves the queue at once and opens no socket', async () => {
    const server = await loopback();
    const f = fetcher();
    const hog = new AbortController();
    const hung = settle(f.fetch(server.url('/hang'), { signal: hog.signal }));
    await until(() => server.paths.length === 1);
    const caller = new AbortController();
    const waiting = settle(f.fetch(server.url('/ok'), { signal: caller.signal }));
    caller.abort(new Error('caller gave up'));
    const result = await waiting;
    expect(result.ok ? undefined : (result.error as Error).message).toBe('caller gave up');
    expect(f.queued).toBe(0);
    hog.abort(new Error('test over'));
    await hung;
    expect(server.paths).toEqual(['/hang']);
  });
});

describe('fair scheduling and overload', () => {
  it('serves later hops of a chain before new first hops', async () => {
    const server = await loopback();
    const f = fetcher();
    const gate = f.fetch(server.url('/gate'));
    const order = [
      f.fetch(server.url('/d0a'), { depth: 0 }),
      f.fetch(server.url('/d0b'), { depth: 0 }),
      f.fetch(server.url('/d2'), { depth: 2 }),
      f.fetch(server.url('/d1'), { depth: 1 }),
    ];
    // The gate is open only once its request is held by the server (a fixed wait can be too short on a loaded machine).
    await until(() => server.paths.includes('/gate'));
    server.openGate();
    await Promise.all([gate, ...order]);
    expect(server.paths).toEqual(['/gate', '/d2', '/d1', '/d0a', '/d0b']);
  });

  it('refuses at once, as overloaded, the calls the origin cannot serve within their budget', async () => {
    // 600 calls of at least 5 ms each on one connection: 3 s of work for a 2 s budget. Short
    // requests, so the service rate is measured (32 answers) long before the budget ends, even
    // on a loaded machine.
    const server = await loopback(5);
    const c = client({ connectionsPerOrigin: 1, chainTimeoutMs: 2000 });
    const results = await Promise.all(Array.from({ length: 600 }, (_, i) => c.get(server.url(`/slow${i}`))));
    const overloaded = results.filter((r) => r.overloaded === true);
    const resolved = results.filter((r) => r.ads.length === 1);
    expect(resolved.length).toBeGreaterThan(0);
    expect(overloaded.length).toBeGreaterThan(0);
    for (const r of overloaded) {
      expect(r.error?.errorCode).toBe(301);
      expect(kind(r.error?.cause)).toBe('overloaded');
      expect(r.errorPixels).toEqual([]);
    }
    // Refused calls never reached the server.
    expect(server.paths.length).toBeLessThanOrEqual(results.length - overloaded.length);
  });

  it('a full queue refuses new requests as overloaded', async () => {
    const server = await loopback();
    const f = fetcher({ maxQueuedRequests: 2 });
    const hog = new AbortController();
    const hung = settle(f.fetch(server.url('/hang'), { signal: hog.signal }));
    await until(() => server.paths.length === 1);
    const queued = [1, 2].map((i) => settle(f.fetch(server.url(`/q${i}`), { signal: hog.signal })));
    const refused = await settle(f.fetch(server.url('/q3')));
    expect(refused.ok ? undefined : kind(refused.error)).toBe('overloaded');
    hog.abort(new Error('test over'));
    await Promise.all([hung, ...queued]);
    expect(server.paths).toEqual(['/hang']);
  });

  it('hung requests give their slots to others once slow, so the origin keeps serving', async () => {
    const server = await loopback();
    const c = client({ connectionsPerOrigin: 2, slowRequestMs: 100, maxSlowRequests: 8, hopTimeoutMs: 20_000, chainTimeoutMs: 20_000 });
    const stop = new AbortController();
    const hung = Array.from({ length: 6 }, (_, i) => settle(c.get(server.url(`/hang${i}`), { signal: stop.signal })));
    const healthy = await Promise.all(Array.from({ length: 10 }, (_, i) => c.get(server.url(`/ok${i}`))));
    expect(healthy.map((r) => r.ads.length)).toEqual(Array.from({ length: 10 }, () => 1));
    expect(server.held.size).toBe(6);
    stop.abort(new Error('test over'));
    expect((await Promise.all(hung)).every((r) => !r.ok)).toBe(true);
  });
});
