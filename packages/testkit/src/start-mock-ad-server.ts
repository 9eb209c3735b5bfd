import { setMaxListeners } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { RealtimeTimeProvider, type TimeProvider } from '@vast/time';
import { listenOnLoopback } from './listen-on-loopback.js';
import type { MockRoute } from './mock-response.js';
import { readBody } from './read-body.js';
import { readFromFolder } from './read-from-folder.js';
import type { RecordedRequest } from './recorded-request.js';
import { RequestLog } from './request-log.js';
import { respond } from './respond.js';
import { RouteTable } from './route-table.js';

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
  const routes = new RouteTable(options.routes ?? {}, options.fallback ?? { status: 404 });
  const log = new RequestLog(time);
  const closing = new AbortController();
  // Every delayed or hanging answer listens for the close, and many can be waiting at once.
  setMaxListeners(0, closing.signal);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/';
    const { pathname, searchParams } = new URL(target, 'http://127.0.0.1');
    const body = await readBody(req, maxBody);
    log.record({
      method: req.method ?? 'GET',
      path: pathname,
      url: target,
      query: Object.fromEntries(searchParams),
      headers: req.headers,
      time: time.now(),
      body,
    });
    const answer = routes.answer(pathname) ?? (await readFromFolder(root, pathname)) ?? routes.fallback();
    if (answer.delayMs !== undefined && answer.delayMs > 0) {
      await time.sleep(answer.delayMs, closing.signal);
    }
    await respond({ req, res, target, closing: closing.signal }, answer);
  };

  const server = await listenOnLoopback(handle);
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    origin,
    port: server.port,
    url: (path) => `${origin}${path.startsWith('/') ? '' : '/'}${path}`,
    route: (path, route) => routes.set(path, route),
    received: () => log.received(),
    waitFor: (predicate, waitOptions) => log.waitFor(predicate, waitOptions),
    reset: () => {
      log.clear();
      routes.restart();
    },
    close: async () => {
      closing.abort();
      await server.close();
    },
  };
}
