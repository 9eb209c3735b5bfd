import type { Beacon, BeaconOutcome, BeaconTransport } from '@vast/tracker';
import { FetchError } from './fetch-error.js';
import type { HttpFetcher } from './http-fetcher.js';

/**
 * The client's default transport for Error pixels: one GET per pixel through the client's own
 * guarded pool, so pixels obey the SSRF guard, the scheme rule, the redirect cap and the per-hop
 * timeout like wrapper requests. No retries (an Error pixel is reported once).
 *
 * @internal
 */
export class GuardedBeaconTransport implements BeaconTransport {
  readonly #fetcher: HttpFetcher;
  readonly #pending = new Set<Promise<BeaconOutcome>>();
  #closed = false;

  constructor(fetcher: HttpFetcher) {
    this.#fetcher = fetcher;
  }

  send(beacon: Beacon, signal?: AbortSignal): Promise<BeaconOutcome> {
    if (this.#closed) {
      return Promise.resolve({ kind: 'dropped', beacon, reason: 'transport-closed', message: 'the client is closed' });
    }
    const sending = this.#send(beacon, signal);
    this.#pending.add(sending);
    void sending.finally(() => this.#pending.delete(sending));
    return sending;
  }

  async flush(): Promise<void> {
    await Promise.all([...this.#pending]);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
  }

  async #send(beacon: Beacon, signal: AbortSignal | undefined): Promise<BeaconOutcome> {
    try {
      const response = await this.#fetcher.fetch(beacon.url, { signal });
      return { kind: 'sent', beacon, status: response.status, attempts: 1 };
    } catch (error) {
      if (!(error instanceof FetchError)) {
        return { kind: 'failed', beacon, reason: 'aborted', message: String(error), attempts: 1 };
      }
      switch (error.kind) {
        case 'invalid-url':
        case 'unsupported-scheme':
          return { kind: 'dropped', beacon, reason: error.kind, message: error.message };
        case 'http-status':
          return {
            kind: 'failed',
            beacon,
            reason: 'http-status',
            message: error.message,
            attempts: 1,
            ...(error.status === undefined ? {} : { status: error.status }),
          };
        case 'timeout':
        case 'budget':
          return { kind: 'failed', beacon, reason: 'timeout', message: error.message, attempts: 1 };
        case 'blocked':
        case 'network':
        case 'too-large':
        case 'too-many-redirects':
        case 'redirect-loop':
          return { kind: 'failed', beacon, reason: 'network', message: error.message, attempts: 1 };
      }
    }
  }
}
