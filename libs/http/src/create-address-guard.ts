import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { classifyAddress, embeddedIpv4, neverAllowedClasses, parseIp, type ForbiddenAddressClass } from './classify-address';
import type { ResolvedHttpPolicy } from './http-policy';

export type AddressVerdict = { allowed: true } | { allowed: false; addressClass: ForbiddenAddressClass };

/**
 * Decides whether a connection to `address` (an IP the socket is about to use or
 * uses) for a request to `hostname` (the URL's host, brackets removed) is allowed.
 */
export type AddressGuard = (hostname: string, address: string) => AddressVerdict;

/**
 * The SSRF decision for one policy. A destination is allowed when its address
 * is public; otherwise only when an allowlist entry covers it — a CIDR/IP entry
 * matching the address (or the IPv4 address it embeds), or a host-name entry
 * matching `hostname` — and its class is not one of `neverAllowedClasses`.
 * Anything unparsable is refused.
 */
export function createAddressGuard(policy: ResolvedHttpPolicy): AddressGuard {
  const blocks: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  const hosts: string[] = [];
  const domains: string[] = [];
  for (const entry of policy.allow) {
    const [address = '', bits] = entry.split('/');
    const parsed = parseIp(address);
    if (parsed) blocks.push([parsed, bits === undefined ? (parsed.kind() === 'ipv4' ? 32 : 128) : Number(bits)]);
    else if (entry.startsWith('*.')) domains.push(entry.slice(1));
    else hosts.push(entry);
  }

  const hostAllowed = (hostname: string): boolean => {
    if (isIP(hostname) !== 0) return false;
    const name = hostname.toLowerCase().replace(/\.$/, '');
    return hosts.includes(name) || domains.some((domain) => name.endsWith(domain));
  };

  const addressAllowed = (address: string): boolean => {
    const parsed = parseIp(address);
    if (!parsed) return false;
    const embedded = embeddedIpv4(parsed);
    const candidates = embedded ? [parsed, embedded] : [parsed];
    return candidates.some((candidate) =>
      blocks.some(([network, bits]) => network.kind() === candidate.kind() && candidate.match(network, bits)),
    );
  };

  return (hostname, address) => {
    const addressClass = classifyAddress(address);
    if (addressClass === 'public') return { allowed: true };
    if (!neverAllowedClasses.has(addressClass) && (hostAllowed(hostname) || addressAllowed(address))) return { allowed: true };
    return { allowed: false, addressClass };
  };
}
