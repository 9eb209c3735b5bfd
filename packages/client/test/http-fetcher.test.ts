import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockAdServer, type MockAdServer } from '@vast/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../src/fetch-error.js';
import type { DnsLookup } from '../src/guarded-connector.js';
import { HttpFetcher, type HttpFetcherSettings } from '../src/http-fetcher.js';
import { SsrfBlockedError } from '../src/ssrf-blocked-error.js';
import { SsrfGuard } from '../src/ssrf-guard.js';
import { RealtimeTimeProvider, SimulatedTimeProvider } from '@vast/time';

const INLINE = '<VAST version="4.2"><Ad id="a"><InLine/></Ad></VAST>';

function fetcher(overrides: Partial<HttpFetcherSettings> = {}): HttpFetcher {
  return new HttpFetcher({
    time: new RealtimeTimeProvider(),
    guard: new SsrfGuard({ allowlist: ['127.0.0.1'] }),
    hopTimeoutMs: 4000,
    maxResponseBytes: 1024 * 1024,
    maxRedirects: 3,
    connectionsPerOrigin: 16,
    maxSlowRequests: 64,
    slowRequestMs: 1000,
    maxQueuedRequests: 1000,
    headers: {},
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

const toLoopback: DnsLookup = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);

describe('HttpFetcher', () => {
  let server: MockAdServer;
  const open: HttpFetcher[] = [];
  const make = (overrides: Partial<HttpFetcherSettings> = {}): HttpFetcher => {
    const created = fetcher(overrides);
    open.push(created);
    return created;
  };

  beforeAll(async () => {
    server = await startMockAdServer({
      routes: {
        '/inline.xml': INLINE,
        '/moved': { status: 302, headers: { location: '/inline.xml' } },
        '/hop1': { status: 301, headers: { location: '/hop2' } },
        '/hop2': { status: 307, headers: { location: '/hop3' } },
        '/hop3': { status: 308, headers: { location: '/hop4' } },
        '/hop4': { status: 303, headers: { location: '/inline.xml' } },
        '/loop': { fault: { type: 'redirect-loop' } },
        '/to-file': { status: 302, headers: { location: 'file:///etc/passwd' } },
        '/broken': { status: 503 },
        '/missing': { status: 404 },
        '/reset': { fault: { type: 'reset' } },
        '/hang': { fault: { type: 'hang' } },
        '/huge': { fault: { type: 'oversized', bytes: 3 * 1024 * 1024 } },
        '/huge-declared': { fault: { type: 'oversized', bytes: 3 * 1024 * 1024, declareLength: true } },
        '/exact': 'x'.repeat(2048),
      },
    });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((f) => f.destroy()));
    server.reset();
  });
  afterAll(() => server.close());

  it('returns the body, status, byte count and the URL it came from', async () => {
    const document = await make().fetch(server.url('/inline.xml'));
    expect(document.body).toBe(INLINE);
    expect(document.status).toBe(200);
    expect(document.bytes).toBe(Buffer.byteLength(INLINE));
    expect(document.finalUrl).toBe(server.url('/inline.xml'));
    expect(document.redirects).toEqual([]);
  });

  it('sends the default headers merged with the per-request ones', async () => {
    await make({ headers: { 'user-agent': 'vast-test', 'x-a': '1' } }).fetch(server.url('/inline.xml'), {
      headers: { 'x-a': '2' },
    });
    const [request] = server.received();
    expect(request?.headers['user-agent']).toBe('vast-test');
    expect(request?.headers['x-a']).toBe('2');
  });

  it('follows relative redirects of every redirect status, up to the cap', async () => {
    const document = await make({ maxRedirects: 4 }).fetch(server.url('/hop1'));
    expect(document.body).toBe(INLINE);
    expect(document.redirects).toEqual(['/hop2', '/hop3', '/hop4', '/inline.xml'].map((p) => server.url(p)));
    expect(document.finalUrl).toBe(server.url('/inline.xml'));
  });

  it('refuses a redirect past the cap (default 3)', async () => {
    const error = await failure(make().fetch(server.url('/hop1')));
    expect(error.kind).toBe('too-many-redirects');
    expect(server.received().map((r) => r.path)).toEqual(['/hop1', '/hop2', '/hop3', '/hop4']);
  });

  it('stops a redirect loop at the first repeat', async () => {
    const error = await failure(make().fetch(server.url('/loop?x=1')));
    expect(error.kind).toBe('redirect-loop');
    expect(server.received()).toHaveLength(1);
  });

  it('fetches only http and https, also after a redirect', async () => {
    const f = make();
    expect((await failure(f.fetch('ftp://127.0.0.1/vast.xml'))).kind).toBe('unsupported-scheme');
    expect((await failure(f.fetch('javascript:alert(1)'))).kind).toBe('unsupported-scheme');
    expect((await failure(f.fetch('not a url'))).kind).toBe('invalid-url');
    const redirected = await failure(f.fetch(server.url('/to-file')));
    expect(redirected.kind).toBe('unsupported-scheme');
    expect(redirected.url).toBe('file:///etc/passwd');
  });

  it('fails on 4xx and 5xx with the status', async () => {
    const f = make();
    const broken = await failure(f.fetch(server.url('/broken')));
    expect([broken.kind, broken.status]).toEqual(['http-status', 503]);
    expect((await failure(f.fetch(server.url('/missing')))).status).toBe(404);
  });

  it('fails on a reset connection as a network error', async () => {
    const error = await failure(make().fetch(server.url('/reset')));
    expect(error.kind).toBe('network');
  });

  it('aborts a body that streams past the byte cap, and one that announces it', async () => {
    const f = make();
    const streamed = await failure(f.fetch(server.url('/huge')));
    expect(streamed.kind).toBe('too-large');
    const declared = await failure(f.fetch(server.url('/huge-declared')));
    expect(declared.kind).toBe('too-large');
    expect((await make({ maxResponseBytes: 2048 }).fetch(server.url('/exact'))).bytes).toBe(2048);
    expect((await failure(make({ maxResponseBytes: 2047 }).fetch(server.url('/exact')))).kind).toBe('too-large');
  });

  it('measures the duration of a fetch on the injected clock', async () => {
    const clock = new SimulatedTimeProvider({ mode: 'manual' });
    const slow = await startMockAdServer({ time: clock, routes: { '/slow.xml': { body: INLINE, delayMs: 700 } } });
    try {
      const pending = make({ time: clock }).fetch(slow.url('/slow.xml'));
      // The server runs on the manual clock too: bound the wait in wall time.
      await slow.waitFor((r) => r.path === '/slow.xml', { signal: AbortSignal.timeout(5000) });
      await clock.tickAsync(700);
      const document = await pending;
      expect([document.body, document.durationMs]).toEqual([INLINE, 700]);
    } finally {
      await slow.close();
    }
  });

  it('times a hung hop out on the injected clock', async () => {
    const clock = new SimulatedTimeProvider({ mode: 'manual' });
    const pending = make({ time: clock, hopTimeoutMs: 4000 }).fetch(server.url('/hang'));
    await server.waitFor((r) => r.path === '/hang');
    clock.tick(3999);
    clock.tick(1);
    const error = await failure(pending);
    expect(error.kind).toBe('timeout');
    expect(clock.pendingCount).toBe(0);
  });

  it('fails with budget when what is left of the chain budget runs out first', async () => {
    const clock = new SimulatedTimeProvider({ mode: 'manual' });
    const pending = make({ time: clock, hopTimeoutMs: 4000 }).fetch(server.url('/hang'), { budgetMs: 1500 });
    await server.waitFor((r) => r.path === '/hang');
    clock.tick(1500);
    expect((await failure(pending)).kind).toBe('budget');
    const spent = await failure(make().fetch(server.url('/inline.xml'), { budgetMs: 0 }));
    expect(spent.kind).toBe('budget');
    expect(server.received().filter((r) => r.path === '/inline.xml')).toEqual([]);
  });

  it('rejects with the caller’s own reason when the caller aborts', async () => {
    const caller = new AbortController();
    const pending = make().fetch(server.url('/hang'), { signal: caller.signal });
    await server.waitFor((r) => r.path === '/hang');
    const reason = new Error('caller gave up');
    caller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await expect(make().fetch(server.url('/inline.xml'), { signal: caller.signal })).rejects.toBe(reason);
  });

  it('does not forward credentials to another origin on redirect', async () => {
    const other = await startMockAdServer({ routes: { '/vast.xml': INLINE } });
    try {
      server.route('/cross', { status: 302, headers: { location: other.url('/vast.xml') } });
      await make().fetch(server.url('/cross'), { headers: { authorization: 'Bearer x', 'x-keep': 'y' } });
      expect(server.received()[0]?.headers.authorization).toBe('Bearer x');
      const [forwarded] = other.received();
      expect(forwarded?.headers.authorization).toBeUndefined();
      expect(forwarded?.headers['x-keep']).toBe('y');
    } finally {
      await other.close();
    }
  });
});

describe('HttpFetcher and the SSRF guard', () => {
  let server: MockAdServer;
  const open: HttpFetcher[] = [];
  const make = (overrides: Partial<HttpFetcherSettings> = {}): HttpFetcher => {
    const created = fetcher({ guard: new SsrfGuard(), ...overrides });
    open.push(created);
    return created;
  };

  beforeAll(async () => {
    server = await startMockAdServer({ routes: { '/inline.xml': INLINE } });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((f) => f.destroy()));
    server.reset();
  });
  afterAll(() => server.close());

  async function blocked(promise: Promise<unknown>): Promise<SsrfBlockedError> {
    const error = await failure(promise);
    expect(error.kind).toBe('blocked');
    expect(error.cause).toBeInstanceOf(SsrfBlockedError);
    return error.cause as SsrfBlockedError;
  }

  it('refuses 127.0.0.1 by default and sends nothing', async () => {
    const cause = await blocked(make().fetch(server.url('/inline.xml')));
    expect([cause.address, cause.addressClass]).toEqual(['127.0.0.1', 'loopback']);
    expect(server.received()).toEqual([]);
  });

  it('refuses a host name that resolves to a loopback address', async () => {
    const viaDns = await blocked(make().fetch(`http://localhost:${server.port}/inline.xml`));
    expect(viaDns.addressClass).toBe('loopback');
    const viaLookup = await blocked(make({ lookup: toLoopback }).fetch(`http://ads.example.test:${server.port}/inline.xml`));
    expect([viaLookup.hostname, viaLookup.address]).toEqual(['ads.example.test', '127.0.0.1']);
    expect(server.received()).toEqual([]);
  });

  it('refuses IPv6 loopback and IPv4-mapped loopback literals', async () => {
    expect((await blocked(make().fetch(`http://[::1]:${server.port}/`))).addressClass).toBe('loopback');
    expect((await blocked(make().fetch(`http://[::ffff:127.0.0.1]:${server.port}/`))).addressClass).toBe('loopback');
    expect((await blocked(make().fetch(`http://[::ffff:a9fe:a9fe]/latest/meta-data/`))).addressClass).toBe(
      'cloudMetadata',
    );
  });

  it('checks the address of every redirect hop', async () => {
    const trusted = make({ guard: new SsrfGuard({ allowlist: ['ads.example.test'] }), lookup: toLoopback });
    server.route('/bounce', { status: 302, headers: { location: server.url('/inline.xml') } });
    const cause = await blocked(trusted.fetch(`http://ads.example.test:${server.port}/bounce`));
    expect(cause.address).toBe('127.0.0.1');
    expect(server.received().map((r) => r.path)).toEqual(['/bounce']);
  });

  it('lets allowlisted addresses, CIDR blocks and host names through', async () => {
    for (const allowlist of [['127.0.0.1'], ['127.0.0.0/8'], ['::ffff:127.0.0.0/104'], ['localhost']]) {
      const document = await make({ guard: new SsrfGuard({ allowlist }) }).fetch(
        `http://${allowlist[0] === 'localhost' ? 'localhost' : '127.0.0.1'}:${server.port}/inline.xml`,
      );
      expect(document.body).toBe(INLINE);
    }
  });

  it('lets private networks through with allowPrivateNetwork, including mapped forms', async () => {
    const f = make({ guard: new SsrfGuard({ allowPrivateNetwork: true }) });
    expect((await f.fetch(server.url('/inline.xml'))).status).toBe(200);
    expect((await f.fetch(`http://[::ffff:127.0.0.1]:${server.port}/inline.xml`)).status).toBe(200);
  });

  it('reports a lookup failure as a network error', async () => {
    const failing: DnsLookup = (hostname, _options, callback) =>
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    const error = await failure(make({ lookup: failing }).fetch('http://nowhere.example.test/'));
    expect(error.kind).toBe('network');
    const empty: DnsLookup = (_hostname, _options, callback) => callback(null, []);
    expect((await failure(make({ lookup: empty }).fetch('http://nowhere.example.test/'))).kind).toBe('network');
  });
});

/** Settles like `promise`, or rejects naming `what` once `ms` of wall time pass first. */
async function within<T>(promise: Promise<T>, what: string, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('HttpFetcher frees the socket of a timed-out hop', () => {
  let raw: Server;
  let received: Promise<void>;
  let closed: Promise<void>;
  beforeAll(async () => {
    let onRequest: () => void = () => undefined;
    let onClose: () => void = () => undefined;
    received = new Promise<void>((resolve) => (onRequest = resolve));
    closed = new Promise<void>((resolve) => (onClose = resolve));
    // Never answers: the request holds its socket open until the client lets it go.
    raw = createServer((req) => {
      req.socket.on('close', onClose);
      onRequest();
    });
    await within(new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve)), 'listen');
  });
  afterAll(async () => {
    raw.closeAllConnections();
    await within(new Promise<void>((resolve) => raw.close(() => resolve())), 'server close');
  });

  it('closes the connection the server holds open once the hop times out', async () => {
    const clock = new SimulatedTimeProvider({ mode: 'manual' });
    const f = fetcher({ time: clock });
    try {
      const pending = f.fetch(`http://127.0.0.1:${(raw.address() as AddressInfo).port}/hang`);
      // The server has the request (and its socket's close listener) before the hop times out.
      await within(received, 'request reaches the server');
      expect(clock.pendingCount).toBe(1);
      clock.tick(4000);
      expect((await within(failure(pending), 'fetch settles')).kind).toBe('timeout');
      await within(closed, 'client closes the socket');
    } finally {
      await within(f.destroy(), 'fetcher destroy');
    }
  });
});
