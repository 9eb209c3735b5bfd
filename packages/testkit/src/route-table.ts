import type { MockResponse, MockRoute } from './mock-response.js';

/** The key under which the fallback's sequence position is kept (never a request path). */
const FALLBACK = '\u0000fallback';

function isSequence(route: MockResponse | readonly MockResponse[]): route is readonly MockResponse[] {
  return Array.isArray(route);
}

/**
 * The routes of a mock server by path, with where each sequence stands: an exact path wins over
 * a prefix (a key ending in `*`), and a longer prefix over a shorter one.
 * @internal
 */
export class RouteTable {
  readonly #routes: Map<string, MockRoute>;
  readonly #positions = new Map<string, number>();

  /**
   * @param routes - the routes by path
   * @param fallbackRoute - what a path no route (and no file) matches answers
   */
  constructor(
    routes: Readonly<Record<string, MockRoute>>,
    private readonly fallbackRoute: MockRoute,
  ) {
    this.#routes = new Map(Object.entries(routes));
  }

  /** Sets or replaces the route of `path` and restarts its sequence. */
  set(path: string, route: MockRoute): void {
    this.#routes.set(path, route);
    this.#positions.delete(path);
  }

  /** Restarts every sequence, the fallback's included. */
  restart(): void {
    this.#positions.clear();
  }

  /** The next answer of the route `path` matches (a sequence moves on); `undefined` when none does. */
  answer(path: string): MockResponse | undefined {
    const matched = this.#match(path);
    return matched === undefined ? undefined : this.#next(matched.key, matched.route);
  }

  /** The next answer of the fallback route. */
  fallback(): MockResponse {
    return this.#next(FALLBACK, this.fallbackRoute);
  }

  #match(path: string): { key: string; route: MockRoute } | undefined {
    const exact = this.#routes.get(path);
    if (exact !== undefined) return { key: path, route: exact };
    let best: { key: string; route: MockRoute } | undefined;
    for (const [key, route] of this.#routes) {
      if (!key.endsWith('*')) continue;
      const prefix = key.slice(0, -1);
      if (path.startsWith(prefix) && (best === undefined || key.length > best.key.length)) best = { key, route };
    }
    return best;
  }

  #next(key: string, route: MockRoute): MockResponse {
    if (typeof route === 'string') return { body: route };
    if (!isSequence(route)) return route;
    const at = this.#positions.get(key) ?? 0;
    this.#positions.set(key, at + 1);
    return route[Math.min(at, route.length - 1)] ?? { status: 500, body: 'empty sequence' };
  }
}
