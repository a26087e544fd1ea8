import { isIP } from 'node:net';
import { z } from 'zod';

const hostLabel = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const hostNamePattern = new RegExp(`^(?:\\*\\.)?(?:${hostLabel}\\.)*${hostLabel}$`);

/**
 * One allowlist entry, normalized:
 * - an IP address or CIDR block (`127.0.0.1/32`, `10.20.0.0/16`, `fd12::/64`):
 *   destinations in it may be reached although they are private, loopback ...;
 * - a host name (`crm.internal`), or `*.` + a domain for every subdomain of it
 *   (`*.corp.example`, not the domain itself): that host may be reached whatever
 *   it resolves to.
 * Cloud metadata, unspecified, multicast and broadcast addresses stay refused.
 */
export const httpAllowEntrySchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((entry) => entry.replace(/\.$/, ''))
  .refine((entry) => isCidr(entry) || isIP(entry) !== 0 || hostNamePattern.test(entry), {
    error: 'must be an IP address, a CIDR block (10.0.0.0/8) or a host name (api.example.com, *.example.com)',
  });

/**
 * Where a workspace may send HTTP on purpose although the SSRF guard would refuse
 * it (`Workspace.settings.http.allowlist`). Empty: only public addresses.
 */
export const httpPolicySchema = z.object({
  allow: z.array(httpAllowEntrySchema).max(100).default([]),
});
/** What callers pass (`allow` optional). */
export type HttpPolicy = z.input<typeof httpPolicySchema>;
export type ResolvedHttpPolicy = z.output<typeof httpPolicySchema>;

function isCidr(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  if (bits === undefined || rest.length > 0 || !/^\d{1,3}$/.test(bits)) return false;
  const version = isIP(address);
  return version !== 0 && Number(bits) <= (version === 4 ? 32 : 128);
}
