import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The bucket a client address counts against:
 * - an IPv4 address as is (`203.0.113.9`); an IPv4-mapped IPv6 address
 *   (`::ffff:203.0.113.9`, what a dual-stack socket reports) as the IPv4 it carries,
 *   so one visitor never has two buckets;
 * - an IPv6 address by its /64 (`2001:db8:1:2::/64`, zone id dropped): one subscriber
 *   (or attacker) is usually handed a whole /64 and could otherwise take a fresh
 *   address, and so a fresh bucket, for every request;
 * - anything else (no address: the socket is gone; a non-address taken from an
 *   X-Forwarded-For the proxy settings trust) as `invalid`, ONE bucket shared by all
 *   such requests: made-up strings must not each get a bucket of their own.
 */
export function clientAddressKey(address: string | undefined): string {
  if (address === undefined) return 'invalid';
  const version = isIP(address);
  if (version === 4) return ipaddr.IPv4.parse(address).toString();
  if (version !== 6) return 'invalid';
  const parsed = ipaddr.IPv6.parse(address);
  if (parsed.isIPv4MappedAddress()) return parsed.toIPv4Address().toString();
  const network = new ipaddr.IPv6([...parsed.parts.slice(0, 4), 0, 0, 0, 0]);
  return `${network.toRFC5952String()}/64`;
}
