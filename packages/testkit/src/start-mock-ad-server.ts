import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { RealtimeTimeProvider, type TimeProvider } from '@vast/time';
import { MockAdServerError } from './mock-ad-server-error.js';
import type { MockResponse, MockRoute } from './mock-response.js';
import type { RecordedRequest } from './recorded-request.js';


/** Options of {@link startMockAdServer}. */
export interface MockAdServerOptions {
  /**
   * Routes by path (query ignored). A key ending in `*` matches every path with that prefix; an
   * exact key wins over a prefix, and a longer prefix over a shorter one.
   * @defaultValue `{}`
   */
  readonly routes?: Readonly<Record<string, MockRoute>>;
  /**
   * A folder served for paths no route matches (`/a/b.xml` is `<root>/a/b.xml`), so wrapper
   * chains that point at each other by relative URL just work. Paths never leave the folder.
   */
  readonly root?: string;
  /** What a path matched by no route and no file answers. @defaultValue `{ status: 404 }` */
  readonly fallback?: MockRoute;
  /** The clock for delays, timeouts and recorded times. @defaultValue the wall clock */
  readonly time?: TimeProvider;
  /** Largest request body recorded, in bytes; the rest is read and discarded. @defaultValue 1 MiB */
  readonly maxRecordedBodyBytes?: number;
}

/** Options of {@link MockAdServer.waitFor}. */
export interface WaitForOptions {
  /** How many matching requests to wait for. @defaultValue 1 */
  readonly count?: number;
  /** Milliseconds (of the server's clock) before the wait rejects. @defaultValue 5000 */
  readonly timeout?: number;
  /** Aborts the wait: it rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** A running mock ad server; see {@link startMockAdServer}. */
export interface MockAdServer {
  /** The base URL, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** The port the server listens on. */
  readonly port: number;
  /**
   * The absolute URL of a path on this server.
   * @param path - a path such as `/vast/inline.xml` (a missing leading `/` is added)
   * @returns `origin + path`
   */
  url(path: string): string;
  /**
   * Sets or replaces the route of a path, and restarts its sequence.
   * @param path - exact path, or a prefix ending in `*`
   * @param route - what the path answers
   */
  route(path: string, route: MockRoute): void;
  /**
   * Every request received since start (or the last {@link MockAdServer.reset}), oldest first.
   * @returns a copy of the log
   */
  received(): RecordedRequest[];
  /**
   * Waits until `count` recorded requests (past or future) satisfy `predicate`.
   * @param predicate - tested on each recorded request
   * @param options - count, timeout and cancellation
   * @returns the first `count` matching requests
   * @throws {@link MockAdServerError} `WAIT_FOR_TIMEOUT` when the timeout passes first (message
   *   names the count seen), or the signal's
   *   reason when aborted
   */
  waitFor(predicate: (request: RecordedRequest) => boolean, options?: WaitForOptions): Promise<RecordedRequest[]>;
  /** Forgets the recorded requests and restarts every route's sequence (routes are kept). */
  reset(): void;
  /**
   * Stops listening and destroys every open socket, hung requests included.
   * @returns when the server is closed
   */
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

interface Waiter {
  readonly predicate: (request: RecordedRequest) => boolean;
  readonly count: number;
  readonly resolve: (requests: RecordedRequest[]) => void;
}

/**
 * Starts a mock ad server on 127.0.0.1 and a free port: it serves VAST from memory or a folder,
 * records every request, and injects faults per route (delay, hang, status, reset, oversized
 * body, redirect loop, sequences such as a 503 then a 200). Use it instead of mocking HTTP.
 *
 * @param options - routes, folder, fallback and clock
 * @returns the running server; always `close()` it
 * @example
 * ```ts
 * const server = await startMockAdServer({
 *   routes: {
 *     '/vast.xml': '<VAST version="4.2"></VAST>',
 *     '/flaky': [{ status: 503 }, { status: 200 }],
 *     '/track/*': { status: 204 },
 *   },
 * });
 * await fetch(server.url('/track/start?t=1'));
 * const [hit] = await server.waitFor((r) => r.path === '/track/start');
 * await server.close();
 * ```
 */
export async function startMockAdServer(options: MockAdServerOptions = {}): Promise<MockAdServer> {
  const time = options.time ?? new RealtimeTimeProvider();
  const maxBody = options.maxRecordedBodyBytes ?? 1024 * 1024;
  const root = options.root === undefined ? undefined : resolve(options.root);
  const fallback: MockRoute = options.fallback ?? { status: 404 };
  const routes = new Map<string, MockRoute>(Object.entries(options.routes ?? {}));
  const positions = new Map<string, number>();
  const sockets = new Set<Socket>();
  const closing = new AbortController();
  // Every delayed or hanging answer listens for the close, and many can be waiting at once.
  setMaxListeners(0, closing.signal);
  let log: RecordedRequest[] = [];
  let waiters: Waiter[] = [];

  const match = (path: string): { key: string; route: MockRoute } | undefined => {
    const exact = routes.get(path);
    if (exact !== undefined) return { key: path, route: exact };
    let best: { key: string; route: MockRoute } | undefined;
    for (const [key, route] of routes) {
      if (!key.endsWith('*')) continue;
      const prefix = key.slice(0, -1);
      if (path.startsWith(prefix) && (best === undefined || key.length > best.key.length)) best = { key, route };
    }
    return best;
  };

  const pick = (key: string, route: MockRoute): MockResponse => {
    if (typeof route === 'string') return { body: route };
    if (!isSequence(route)) return route;
    const at = positions.get(key) ?? 0;
    positions.set(key, at + 1);
    return route[Math.min(at, route.length - 1)] ?? { status: 500, body: 'empty sequence' };
  };

  const fromFolder = async (path: string): Promise<MockResponse | undefined> => {
    if (root === undefined) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return undefined;
    }
    const file = resolve(root, `.${decoded}`);
    if (file !== root && !file.startsWith(root + sep)) return undefined;
    try {
      const body = await readFile(file);
      return { body, headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' } };
    } catch {
      return undefined;
    }
  };

  const record = (request: RecordedRequest): void => {
    log.push(request);
    const still: Waiter[] = [];
    for (const waiter of waiters) {
      const found = log.filter(waiter.predicate);
      if (found.length >= waiter.count) waiter.resolve(found.slice(0, waiter.count));
      else still.push(waiter);
    }
    waiters = still;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/';
    const parsed = new URL(target, 'http://127.0.0.1');
    const body = await readBody(req, maxBody);
    record({
      method: req.method ?? 'GET',
      path: parsed.pathname,
      url: target,
      query: Object.fromEntries(parsed.searchParams),
      headers: req.headers,
      time: time.now(),
      body,
    });
    const matched = match(parsed.pathname);
    const answer = matched
      ? pick(matched.key, matched.route)
      : ((await fromFolder(parsed.pathname)) ?? pick('\u0000fallback', fallback));
    if (answer.delayMs !== undefined && answer.delayMs > 0) {
      await time.sleep(answer.delayMs, closing.signal);
    }
    await respond(req, res, target, answer, closing.signal);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Closing aborts delays and hangs; a client may also go away mid-answer.
      req.socket.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    url: (path) => `${origin}${path.startsWith('/') ? '' : '/'}${path}`,
    route: (path, route) => {
      routes.set(path, route);
      positions.delete(path);
    },
    received: () => [...log],
    waitFor: (predicate, waitOptions = {}) => {
      const count = waitOptions.count ?? 1;
      const found = log.filter(predicate);
      if (found.length >= count) return Promise.resolve(found.slice(0, count));
      return new Promise<RecordedRequest[]>((done, fail) => {
        const stop = new AbortController();
        const finish = (): void => {
          stop.abort();
          waiters = waiters.filter((w) => w !== waiter);
        };
        const waiter: Waiter = {
          predicate,
          count,
          resolve: (requests) => {
            finish();
            done(requests);
          },
        };
        waiters.push(waiter);
        const signal = waitOptions.signal;
        if (signal) {
          if (signal.aborted) {
            finish();
            fail(abortReason(signal));
            return;
          }
          signal.addEventListener('abort', () => {
            finish();
            fail(abortReason(signal));
          }, { once: true, signal: stop.signal });
        }
        const timeout = waitOptions.timeout ?? 5000;
        time.sleep(timeout, stop.signal).then(
          () => {
            finish();
            fail(new MockAdServerError('WAIT_FOR_TIMEOUT', `waitFor: ${log.filter(predicate).length} of ${count} matching request(s) after ${timeout} ms`));
          },
          () => undefined,
        );
      });
    },
    reset: () => {
      log = [];
      positions.clear();
    },
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((done) => server.close(() => done()));
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await closed;
    },
  };
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException(String(reason), 'AbortError');
}

function isSequence(route: MockResponse | readonly MockResponse[]): route is readonly MockResponse[] {
  return Array.isArray(route);
}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return '';
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size < max) chunks.push(chunk.subarray(0, max - size));
    size += chunk.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  answer: MockResponse,
  closing: AbortSignal,
): Promise<void> {
  const fault = answer.fault;
  switch (fault?.type) {
    case 'hang':
      await new Promise<void>((done) => {
        const stop = (): void => {
          closing.removeEventListener('abort', stop);
          req.socket.off('close', stop);
          done();
        };
        if (closing.aborted) return stop();
        closing.addEventListener('abort', stop);
        req.socket.on('close', stop);
      });
      req.socket.destroy();
      return;
    case 'reset':
      req.socket.resetAndDestroy();
      return;
    case 'redirect-loop':
      res.writeHead(fault.status ?? 302, { location: target, ...answer.headers });
      res.end();
      return;
    case 'oversized': {
      const chunk = Buffer.alloc(fault.chunkBytes ?? 65536, 0x20);
      res.writeHead(answer.status ?? 200, {
        'content-type': 'application/xml; charset=utf-8',
        ...(fault.declareLength ? { 'content-length': String(fault.bytes) } : {}),
        ...answer.headers,
      });
      let left = fault.bytes;
      while (left > 0 && !res.destroyed && !closing.aborted) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!res.write(piece)) {
          await new Promise<void>((done) => {
            const go = (): void => {
              res.off('drain', go);
              res.off('close', go);
              done();
            };
            res.on('drain', go);
            res.on('close', go);
          });
        }
      }
      res.end();
      return;
    }
    case undefined:
      break;
  }
  const body = answer.body ?? '';
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const headers: Record<string, string> = { ...answer.headers };
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (bytes.length > 0 && !hasType) headers['content-type'] = 'application/xml; charset=utf-8';
  headers['content-length'] = String(bytes.length);
  res.writeHead(answer.status ?? 200, headers);
  res.end(bytes);
}
