import { Agent, type Dispatcher } from 'undici';
import { createGuardedConnector, type DnsLookup } from './guarded-connector.js';
import { SsrfGuard, type SsrfGuardOptions } from './ssrf-guard.js';

/** Options of {@link createGuardedDispatcher}: the SSRF allowances and the pool settings. */
export interface GuardedDispatcherOptions extends SsrfGuardOptions {
  /**
   * The DNS lookup used to resolve host names (`dns.lookup` shape, called with `all: true`); its
   * answers go through the SSRF guard before any socket connects.
   * @defaultValue `dns.lookup`
   */
  readonly lookup?: DnsLookup;
  /**
   * The TCP/TLS connect timeout, in milliseconds.
   * @defaultValue 4000
   */
  readonly connectTimeoutMs?: number;
  /**
   * Connections per origin.
   * @defaultValue 64
   */
  readonly connectionsPerOrigin?: number;
  /**
   * How long an idle keep-alive connection stays open, in milliseconds.
   * @defaultValue 4000
   */
  readonly keepAliveTimeoutMs?: number;
}

/**
 * Builds an undici dispatcher whose every new connection goes through the SSRF guard, as the
 * `VastClient`'s own pool does: literal addresses are checked before connecting, resolved ones
 * inside the DNS lookup the socket uses, and the connected socket's remote address once more.
 * A refused connection fails with {@link SsrfBlockedError} (code `SSRF_BLOCKED`) and no byte is
 * sent. Pass it to `HttpBeaconTransport` of `@vast/tracker` (`dispatcher` option) to send
 * playback beacons under the same rules; the caller owns it and closes it.
 *
 * @param options - what the guard allows beyond public addresses, DNS lookup and pool settings
 * @returns an undici `Agent`; close it with `close()` when done
 * @throws {@link VastClientConfigError} when an allowlist entry is neither an address, a CIDR
 *   block nor a host name
 * @example
 * ```ts
 * import { createGuardedDispatcher } from '@vast/client';
 * import { HttpBeaconTransport } from '@vast/tracker';
 *
 * const dispatcher = createGuardedDispatcher({ allowlist: ['10.20.0.0/16'] });
 * const transport = new HttpBeaconTransport({ dispatcher, retries: 2 });
 * // ... send beacons ...
 * await transport.close();
 * await dispatcher.close();
 * ```
 */
export function createGuardedDispatcher(options: GuardedDispatcherOptions = {}): Dispatcher {
  return guardedAgent({
    guard: new SsrfGuard(options),
    lookup: options.lookup,
    connectTimeoutMs: options.connectTimeoutMs ?? 4000,
    connectionsPerOrigin: options.connectionsPerOrigin ?? 64,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs,
  });
}

/** What {@link guardedAgent} needs. @internal */
export interface GuardedAgentSettings {
  readonly guard: SsrfGuard;
  readonly lookup?: DnsLookup | undefined;
  readonly connectTimeoutMs: number;
  readonly connectionsPerOrigin: number;
  readonly keepAliveTimeoutMs?: number | undefined;
  /** Called for each socket connected. */
  readonly onConnect?: (() => void) | undefined;
}

/**
 * An undici `Agent` whose connections go through the guard.
 *
 * @internal
 */
export function guardedAgent(settings: GuardedAgentSettings): Agent {
  return new Agent({
    connect: createGuardedConnector({
      guard: settings.guard,
      lookup: settings.lookup,
      connectTimeoutMs: settings.connectTimeoutMs,
      onConnect: settings.onConnect,
    }),
    connections: settings.connectionsPerOrigin,
    ...(settings.keepAliveTimeoutMs === undefined ? {} : { keepAliveTimeout: settings.keepAliveTimeoutMs }),
  });
}
