import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** The address ranges proxy-addr (Fastify's trustProxy) knows by name. */
const namedRanges = ['loopback', 'linklocal', 'uniquelocal'];

function isTrustedProxyEntry(entry: string): boolean {
  if (namedRanges.includes(entry)) return true;
  const slash = entry.indexOf('/');
  if (slash === -1) return isIP(entry) !== 0;
  return isIP(entry.slice(0, slash)) !== 0 && /^\d{1,3}$/.test(entry.slice(slash + 1)) && ipaddr.isValidCIDR(entry);
}

/**
 * TRUST_PROXY: which peers' X-Forwarded-For the API believes, so that request.ip (and
 * with it the per-address limits and the logs) is the visitor's address behind a
 * reverse proxy or load balancer. Parsed to:
 * - `false` (`false`, the default, or `0`): request.ip is the socket's peer; headers are ignored.
 * - a hop count `n` (`1`, `2` ...): the n nearest hops are proxies; request.ip is the
 *   address the n-th one saw. Anyone who can reach the API directly can forge it, so only
 *   where the API is reachable through the proxies alone.
 * - a list (`10.0.0.0/8,fd00::/8`, `127.0.0.1`, `loopback`): peers in these addresses or
 *   CIDR ranges (or the named ranges loopback, linklocal, uniquelocal) are proxies;
 *   request.ip is the nearest address outside them. The safest form.
 * - `true`: every hop is a proxy; request.ip is the leftmost X-Forwarded-For entry, which
 *   the client wrote itself unless the proxy REPLACES the header (most append to it).
 *   Then any client picks its own address and the per-address limits mean nothing.
 */
export const trustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((value, context): boolean | number | string[] => {
    const lower = value.toLowerCase();
    if (lower === 'false' || lower === '0') return false;
    if (lower === 'true') return true;
    if (/^[1-9]\d?$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isTrustedProxyEntry(entry));
    if (bad.length === 0) return entries;
    context.addIssue({
      code: 'custom',
      message: `must be false, true, a hop count, or a comma-separated list of addresses, CIDR ranges or loopback/linklocal/uniquelocal; not an address: ${bad.map((entry) => JSON.stringify(entry)).join(', ')}`,
    });
    return z.NEVER;
  });
export type TrustProxy = z.infer<typeof trustProxySchema>;
