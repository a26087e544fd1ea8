import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * What kind of destination an IP address is. Everything except `public` is
 * refused by the SSRF guard unless the workspace allowlist names it (and the
 * classes in `neverAllowedClasses` are refused even then).
 * - `cloud-metadata`: instance metadata / platform endpoints (169.254.169.254,
 *   fd00:ec2::254, 100.100.100.200, 168.63.129.16, 192.0.0.192);
 * - `reserved`: documentation, benchmarking, class E, Teredo, IPv6 outside
 *   2000::/3 and every other special-purpose block that is not one of the above.
 */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'carrier-grade-nat'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'cloud-metadata'
  | 'reserved';

export type ForbiddenAddressClass = Exclude<AddressClass, 'public'>;

/**
 * Classes no allowlist entry can open: metadata endpoints hand out the
 * platform's own cloud credentials (tenants write allowlists, so a tenant
 * must not be able to reach them), and the others are never a real HTTP peer.
 */
export const neverAllowedClasses: ReadonlySet<ForbiddenAddressClass> = new Set(['cloud-metadata', 'unspecified', 'multicast', 'broadcast']);

/** Human wording of each class, for error messages. */
export const addressClassLabels: Record<ForbiddenAddressClass, string> = {
  loopback: 'a loopback address',
  private: 'a private network address',
  'link-local': 'a link-local address',
  'carrier-grade-nat': 'a carrier-grade NAT (shared) address',
  multicast: 'a multicast address',
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  'cloud-metadata': 'a cloud metadata address',
  reserved: 'a reserved or special-purpose address',
};

const cloudMetadataAddresses: ReadonlySet<string> = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack, DigitalOcean ... instance metadata
  '169.254.170.2', // AWS ECS task metadata / credentials
  '100.100.100.200', // Alibaba Cloud metadata
  '168.63.129.16', // Azure WireServer (a public address, so no range catches it)
  '192.0.0.192', // Oracle Cloud metadata (classic)
  'fd00:ec2:0:0:0:0:0:254', // AWS instance metadata over IPv6
]);

const globalUnicastV6 = ipaddr.parseCIDR('2000::/3');
const nat64WellKnown = ipaddr.parseCIDR('64:ff9b::/96');
const sixToFour = ipaddr.parseCIDR('2002::/16');
const ipv4Translated = ipaddr.parseCIDR('::ffff:0:0:0/96');
const ipv4Compatible = ipaddr.parseCIDR('::/96');

/**
 * Classifies one IP address as written by the OS or by `net.isIP`-valid text
 * (dotted-quad IPv4 or any IPv6 form). Anything that is not a canonical IP
 * address is `reserved`: callers resolve names first and classify results.
 *
 * IPv6 addresses that carry an IPv4 address — IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-compatible (::a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64
 * (64:ff9b::/96) and 6to4 (2002::/16) — are classified by the embedded IPv4
 * address, since that is where the packets end up.
 */
export function classifyAddress(address: string): AddressClass {
  const parsed = parseIp(address);
  if (!parsed) return 'reserved';
  const embedded = embeddedIpv4(parsed);
  if (embedded) return classifyV4(embedded);
  return parsed instanceof ipaddr.IPv6 ? classifyV6(parsed) : classifyV4(parsed);
}

/** Parses text that `net.isIP` accepts (never ipaddr.js's octal/hex/short IPv4 forms). */
export function parseIp(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const version = isIP(address);
  if (version === 4) return ipaddr.IPv4.parse(address);
  if (version === 6) return ipaddr.IPv6.parse(address);
  return null;
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, translated, NAT64, 6to4), if any. */
export function embeddedIpv4(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | null {
  if (!(address instanceof ipaddr.IPv6)) return null;
  const parts = address.parts;
  const low = (): ipaddr.IPv4 => fromWords(parts[6] ?? 0, parts[7] ?? 0);
  if (address.isIPv4MappedAddress()) return low();
  if (address.match(ipv4Translated) || address.match(nat64WellKnown)) return low();
  if (address.match(sixToFour)) return fromWords(parts[1] ?? 0, parts[2] ?? 0);
  // ::/96 minus :: and ::1, which are IPv6's own unspecified and loopback addresses.
  if (address.match(ipv4Compatible) && (parts[6] !== 0 || (parts[7] ?? 0) > 1)) return low();
  return null;
}

function fromWords(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function classifyV4(address: ipaddr.IPv4): AddressClass {
  if (cloudMetadataAddresses.has(address.toString())) return 'cloud-metadata';
  const range: string = address.range();
  switch (range) {
    case 'unicast':
      return 'public';
    case 'unspecified':
      return 'unspecified';
    case 'broadcast':
      return 'broadcast';
    case 'multicast':
      return 'multicast';
    case 'linkLocal':
      return 'link-local';
    case 'loopback':
      return 'loopback';
    case 'carrierGradeNat':
      return 'carrier-grade-nat';
    case 'private':
      return 'private';
    default:
      return 'reserved';
  }
}

function classifyV6(address: ipaddr.IPv6): AddressClass {
  if (cloudMetadataAddresses.has(address.toNormalizedString())) return 'cloud-metadata';
  const range: string = address.range();
  switch (range) {
    case 'unicast':
      return address.match(globalUnicastV6) ? 'public' : 'reserved';
    case 'unspecified':
      return 'unspecified';
    case 'multicast':
      return 'multicast';
    case 'linkLocal':
      return 'link-local';
    case 'loopback':
      return 'loopback';
    case 'uniqueLocal':
    case 'deprecatedSiteLocal':
      return 'private';
    // 64:ff9b:1::/48, the local-use NAT64 prefix (its embedding varies by prefix length).
    case 'rfc6052':
      return 'private';
    default:
      return 'reserved';
  }
}
