import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { SsrfBlockedError } from './ssrf-blocked-error.js';
import type { SsrfGuard } from './ssrf-guard.js';

/**
 * A DNS lookup with the shape of `dns.lookup` when called with `{ all: true }`: the client's
 * default is `dns.lookup`; tests and service meshes pass their own.
 */
export type DnsLookup = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** How {@link createGuardedConnector} builds its sockets. */
export interface GuardedConnectorOptions {
  /** The guard consulted with every address before the socket connects. */
  readonly guard: SsrfGuard;
  /** The DNS lookup; `dns.lookup` when absent. */
  readonly lookup?: DnsLookup | undefined;
  /** The TCP/TLS connect timeout in milliseconds (undici's own connect timer). */
  readonly connectTimeoutMs: number;
  /** Called for each socket connected (and allowed). */
  readonly onConnect?: (() => void) | undefined;
}

type NodeLookup = (
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/**
 * An undici `connect` function that checks the address a socket is about to connect to: literal
 * addresses before connecting, resolved ones inside the DNS lookup the socket uses (so the
 * address checked is the address connected to, whatever DNS answers next time), and the socket's
 * remote address once connected, as a last line. Refused connections fail with
 * {@link SsrfBlockedError} and no request bytes are written.
 *
 * @internal
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const { guard } = options;
  const resolveAll: DnsLookup =
    options.lookup ?? ((hostname, lookupOptions, callback) => dnsLookup(hostname, lookupOptions, callback));
  const lookup: NodeLookup = (hostname, lookupOptions, callback) => {
    resolveAll(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) {
        callback(error, []);
        return;
      }
      let refused: SsrfBlockedError | undefined;
      const allowed = addresses.filter((entry) => {
        const verdict = guard.check(entry.address, hostname);
        if (!verdict.allowed) refused ??= new SsrfBlockedError(hostname, entry.address, verdict.addressClass);
        return verdict.allowed;
      });
      const first = allowed[0];
      if (first === undefined) {
        callback(refused ?? Object.assign(new Error(`No address found for ${hostname}`), { code: 'ENOTFOUND' }), []);
      } else if (lookupOptions.all === true) {
        callback(null, allowed);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
  const connect = buildConnector({ lookup, timeout: options.connectTimeoutMs });
  return (connectOptions, callback) => {
    const { hostname } = connectOptions;
    if (isIP(hostname) !== 0) {
      const verdict = guard.check(hostname, hostname);
      if (!verdict.allowed) {
        callback(new SsrfBlockedError(hostname, hostname, verdict.addressClass), null);
        return;
      }
    }
    connect(connectOptions, (...args) => {
      const [error, socket] = args;
      if (error !== null) {
        callback(error, null);
        return;
      }
      const remote = socket.remoteAddress;
      const verdict = remote === undefined ? undefined : guard.check(remote, hostname);
      if (remote !== undefined && verdict !== undefined && !verdict.allowed) {
        socket.destroy();
        callback(new SsrfBlockedError(hostname, remote, verdict.addressClass), null);
        return;
      }
      options.onConnect?.();
      callback(null, socket);
    });
  };
}
