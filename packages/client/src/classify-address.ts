import ipaddr from 'ipaddr.js';

/**
 * Why an address is not a public unicast address, or `'public'` when it is.
 *
 * - `cloudMetadata`: a cloud instance metadata endpoint (AWS, GCP, Azure, OpenStack, Alibaba,
 *   Oracle), refused even when private networks are allowed;
 * - `loopback`, `private` (RFC 1918), `uniqueLocal` (IPv6 fc00::/7), `linkLocal`,
 *   `carrierGradeNat` (100.64.0.0/10), `multicast`, `broadcast`, `unspecified`;
 * - `reserved`: documentation, benchmarking, future-use and other special-purpose blocks;
 * - `tunnel`: IPv6 transition forms that hide their IPv4 endpoint (Teredo);
 * - `invalid`: not an IP address at all.
 */
export type AddressClass =
  | 'public'
  | 'cloudMetadata'
  | 'loopback'
  | 'private'
  | 'uniqueLocal'
  | 'linkLocal'
  | 'carrierGradeNat'
  | 'multicast'
  | 'broadcast'
  | 'unspecified'
  | 'reserved'
  | 'tunnel'
  | 'invalid';

/** Instance metadata endpoints; each also falls in a non-public range, but is named apart. */
const CLOUD_METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254']);

const IPV4_CLASSES: Readonly<Record<string, AddressClass>> = {
  unicast: 'public',
  as112: 'public',
  amt: 'public',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'linkLocal',
  loopback: 'loopback',
  carrierGradeNat: 'carrierGradeNat',
  private: 'private',
};

const IPV6_CLASSES: Readonly<Record<string, AddressClass>> = {
  unicast: 'public',
  as112v6: 'public',
  amt: 'public',
  unspecified: 'unspecified',
  linkLocal: 'linkLocal',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'uniqueLocal',
  deprecatedSiteLocal: 'private',
  teredo: 'tunnel',
};

/**
 * Classifies an IPv4 or IPv6 address with ipaddr.js's special-purpose ranges. IPv6 forms that
 * embed an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, RFC 6145 translated, NAT64 `64:ff9b::/96`,
 * 6to4 `2002::/16`, and the deprecated IPv4-compatible `::a.b.c.d`) are classified by the IPv4
 * address they carry, so `::ffff:127.0.0.1` is `loopback` like `127.0.0.1`.
 *
 * @param address - an IP address as text, without brackets (a zone id such as `%eth0` is allowed)
 * @returns the class of the address; `'public'` only for global unicast addresses
 * @example
 * ```ts
 * classifyAddress('10.1.2.3'); // 'private'
 * classifyAddress('::ffff:169.254.169.254'); // 'cloudMetadata'
 * classifyAddress('93.184.216.34'); // 'public'
 * ```
 */
export function classifyAddress(address: string): AddressClass {
  if (!ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return classifyIPv4(parsed as ipaddr.IPv4);
  const v6 = parsed as ipaddr.IPv6;
  if (CLOUD_METADATA.has(v6.toRFC5952String())) return 'cloudMetadata';
  const embedded = embeddedIPv4(v6);
  if (embedded !== undefined) return classifyIPv4(embedded);
  return IPV6_CLASSES[v6.range()] ?? 'reserved';
}

function classifyIPv4(address: ipaddr.IPv4): AddressClass {
  if (CLOUD_METADATA.has(address.toString())) return 'cloudMetadata';
  return IPV4_CLASSES[address.range()] ?? 'reserved';
}

/** The IPv4 address an IPv6 transition form carries, if it is one of those forms. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = address.parts;
  const range = address.range();
  const low = (): ipaddr.IPv4 => fromWords(p[6] ?? 0, p[7] ?? 0);
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
    case 'rfc6052':
      return low();
    case '6to4':
      return fromWords(p[1] ?? 0, p[2] ?? 0);
    case 'unicast':
      // ::a.b.c.d (IPv4-compatible, deprecated): the rest of ::/96 after :: and ::1.
      return p.slice(0, 6).every((word) => word === 0) ? low() : undefined;
    default:
      return undefined;
  }
}

function fromWords(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}
