import { brand, hasBrand } from './brand.js';
import type { AddressClass } from './classify-address.js';

const BRAND = Symbol.for('@vast/client.SsrfBlockedError');

/**
 * A connection the SSRF guard refused: the address the host name resolved to (or the literal
 * address in the URL) is loopback, private, link-local, carrier-grade NAT, multicast, reserved or
 * a cloud metadata endpoint, and neither `allowPrivateNetwork` nor the allowlist lets it through.
 * No byte is sent to that address. Test an unknown value with {@link isSsrfBlockedError}.
 */
export class SsrfBlockedError extends Error {
  /** Always `'SSRF_BLOCKED'`: a stable code that does not change between releases. */
  readonly code = 'SSRF_BLOCKED' as const;
  /** The host name of the request (an address for literal hosts). */
  readonly hostname: string;
  /** The refused address. */
  readonly address: string;
  /** Why the address was refused. */
  readonly addressClass: AddressClass;

  /**
   * @param hostname - the host name of the request
   * @param address - the refused address
   * @param addressClass - the class of the refused address
   */
  constructor(hostname: string, address: string, addressClass: AddressClass) {
    const via = hostname === address ? '' : ` (resolved from ${hostname})`;
    super(`Refused to connect to ${address}${via}: ${addressClass} addresses are blocked by the SSRF guard`);
    this.name = 'SsrfBlockedError';
    this.hostname = hostname;
    this.address = address;
    this.addressClass = addressClass;
    brand(this, BRAND);
  }
}

/**
 * Whether a value is an {@link SsrfBlockedError}, also when it comes from another installed copy
 * of `@vast/client` (it tests the `Symbol.for('@vast/client.SsrfBlockedError')` brand).
 *
 * @param value - anything, such as the `cause` of a `blocked` {@link FetchError}
 * @returns `true` for a connection the SSRF guard refused
 */
export function isSsrfBlockedError(value: unknown): value is SsrfBlockedError {
  return hasBrand(value, BRAND);
}
