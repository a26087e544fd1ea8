import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { classifyAddress, embeddedIpv4, neverAllowedClasses, parseIp, type ForbiddenAddressClass } from './classify-address';
import { splitAllowEntry, type ResolvedHttpPolicy } from './http-policy';

export type AddressVerdict = { allowed: true } | { allowed: false; addressClass: ForbiddenAddressClass };

/**
 * Decides whether a connection to `address` (an IP the socket is about to use or
 * uses) on `port` for a request to `hostname` (the URL's host, brackets removed) is
 * allowed. Without `port`, only entries that name no port apply.
 */
export type AddressGuard = (hostname: string, address: string, port?: number) => AddressVerdict;

/**
 * The SSRF decision for one policy. A destination is allowed when its address
 * is public; otherwise only when an allowlist entry covers it — a CIDR/IP entry
 * matching the address (or the IPv4 address it embeds), or a host-name entry
 * matching `hostname`, on the entry's port if it names one — its class is not one of
 * `neverAllowedClasses`, and its port is not one of `denyPorts`.
 * Anything unparsable is refused.
 */
export function createAddressGuard(policy: ResolvedHttpPolicy): AddressGuard {
  type Port = number | undefined;
  const blocks: [ipaddr.IPv4 | ipaddr.IPv6, number, Port][] = [];
  const hosts: [string, Port][] = [];
  const domains: [string, Port][] = [];
  for (const entry of policy.allow) {
    const { target, port: entryPort } = splitAllowEntry(entry);
    const port = entryPort ?? undefined;
    const [address = '', bits] = target.split('/');
    const parsed = parseIp(address);
    if (parsed) blocks.push([parsed, bits === undefined ? (parsed.kind() === 'ipv4' ? 32 : 128) : Number(bits), port]);
    else if (target.startsWith('*.')) domains.push([target.slice(1), port]);
    else hosts.push([target, port]);
  }
  const portMatches = (entryPort: Port, port: Port): boolean => entryPort === undefined || entryPort === port;

  const hostAllowed = (hostname: string, port: Port): boolean => {
    if (isIP(hostname) !== 0) return false;
    const name = hostname.toLowerCase().replace(/\.$/, '');
    return hosts.some(([host, entryPort]) => host === name && portMatches(entryPort, port)) || domains.some(([domain, entryPort]) => name.endsWith(domain) && portMatches(entryPort, port));
  };

  const addressAllowed = (address: string, port: Port): boolean => {
    const parsed = parseIp(address);
    if (!parsed) return false;
    const embedded = embeddedIpv4(parsed);
    const candidates = embedded ? [parsed, embedded] : [parsed];
    return candidates.some((candidate) =>
      blocks.some(([network, bits, entryPort]) => network.kind() === candidate.kind() && candidate.match(network, bits) && portMatches(entryPort, port)),
    );
  };

  const denied = new Set(policy.denyPorts);
  return (hostname, address, port) => {
    const addressClass = classifyAddress(address);
    if (addressClass === 'public') return { allowed: true };
    if (port !== undefined && denied.has(port)) return { allowed: false, addressClass };
    if (!neverAllowedClasses.has(addressClass) && (hostAllowed(hostname, port) || addressAllowed(address, port))) return { allowed: true };
    return { allowed: false, addressClass };
  };
}
