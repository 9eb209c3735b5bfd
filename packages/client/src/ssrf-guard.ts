import ipaddr from 'ipaddr.js';
import { classifyAddress, type AddressClass } from './classify-address.js';
import { VastClientConfigError } from './client-config-error.js';

/** What the SSRF guard allows beyond public addresses (also options of `VastClient`). */
export interface SsrfGuardOptions {
  /**
   * Allow loopback, private (RFC 1918, IPv6 unique local), link-local, carrier-grade NAT and other
   * non-public addresses. Cloud metadata endpoints stay refused unless the allowlist names them.
   * @defaultValue `false`
   */
  readonly allowPrivateNetwork?: boolean;
  /**
   * Addresses, CIDR blocks and host names always allowed: `'127.0.0.1'`, `'10.20.0.0/16'`,
   * `'::1'`, `'ads.internal.example'`. A host name entry trusts every address that exact name
   * resolves to; an IPv4 entry also matches its IPv4-mapped IPv6 form.
   * @defaultValue `[]`
   */
  readonly allowlist?: readonly string[];
}

/** The guard's answer for one address: allowed, or refused with the reason. */
export type SsrfVerdict = { readonly allowed: true } | { readonly allowed: false; readonly addressClass: AddressClass };

const ALLOWED: SsrfVerdict = { allowed: true };
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*$/u;

/**
 * Decides whether the client may connect to an address: public unicast addresses are allowed;
 * loopback, private, link-local, carrier-grade NAT, multicast, broadcast, unspecified, reserved
 * and cloud metadata addresses (IPv4, IPv6 and IPv6 forms embedding IPv4) are refused unless
 * `allowPrivateNetwork` or the allowlist says otherwise. The client asks it with the address a
 * socket is about to connect to, after DNS resolution, so DNS rebinding and redirects cannot get
 * around it.
 *
 * @example
 * ```ts
 * const guard = new SsrfGuard({ allowlist: ['10.20.0.0/16'] });
 * guard.check('10.20.1.1'); // { allowed: true }
 * guard.check('127.0.0.1'); // { allowed: false, addressClass: 'loopback' }
 * ```
 */
export class SsrfGuard {
  readonly #allowPrivateNetwork: boolean;
  readonly #cidrs: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
  readonly #hostnames: ReadonlySet<string>;

  /**
   * @param options - what to allow beyond public addresses
   * @throws {@link VastClientConfigError} when an allowlist entry is neither an address, a CIDR
   *   block nor a host name
   */
  constructor(options: SsrfGuardOptions = {}) {
    this.#allowPrivateNetwork = options.allowPrivateNetwork ?? false;
    const cidrs: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
    const hostnames = new Set<string>();
    (options.allowlist ?? []).forEach((entry, index) => {
      if (typeof entry === 'string' && ipaddr.isValidCIDR(entry)) {
        const [range, bits] = ipaddr.parseCIDR(entry);
        cidrs.push(normalizeRange(range, bits));
      } else if (typeof entry === 'string' && ipaddr.isValid(entry)) {
        const address = ipaddr.process(entry);
        cidrs.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else if (typeof entry === 'string' && HOSTNAME.test(normalizeHostname(entry))) {
        hostnames.add(normalizeHostname(entry));
      } else {
        throw new VastClientConfigError(`allowlist[${index}]`, entry, 'an IP address, a CIDR block or a host name');
      }
    });
    this.#cidrs = cidrs;
    this.#hostnames = hostnames;
  }

  /**
   * Whether a connection to `address` is allowed.
   *
   * @param address - the IP address about to be connected to
   * @param hostname - the host name of the request, matched against host name allowlist entries
   * @returns `{ allowed: true }`, or `{ allowed: false, addressClass }` saying why not
   */
  check(address: string, hostname?: string): SsrfVerdict {
    if (hostname !== undefined && this.#hostnames.has(normalizeHostname(hostname))) return ALLOWED;
    const addressClass = classifyAddress(address);
    if (addressClass === 'invalid') return { allowed: false, addressClass };
    if (this.#cidrs.length > 0) {
      const parsed = ipaddr.process(stripZone(address));
      if (this.#cidrs.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) return ALLOWED;
    }
    if (addressClass === 'public') return ALLOWED;
    if (this.#allowPrivateNetwork && addressClass !== 'cloudMetadata') return ALLOWED;
    return { allowed: false, addressClass };
  }
}

function normalizeRange(range: ipaddr.IPv4 | ipaddr.IPv6, bits: number): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (range.kind() === 'ipv6' && (range as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(range as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [range, bits];
}

function normalizeHostname(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/u, '');
}

function stripZone(address: string): string {
  const percent = address.indexOf('%');
  return percent >= 0 ? address.slice(0, percent) : address;
}
