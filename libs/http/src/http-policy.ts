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
 *   it resolves to;
 * - any of these with a port (`127.0.0.1:3002`, `crm.internal:8443`, `[fd12::1]:443`,
 *   `10.0.0.0/8:443`): only that port.
 * Cloud metadata, unspecified, multicast and broadcast addresses stay refused.
 */
export const httpAllowEntrySchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((entry) => entry.replace(/\.$/, ''))
  .refine((entry) => isTarget(splitAllowEntry(entry).target) && splitAllowEntry(entry).port !== null, {
    error: 'must be an IP address, a CIDR block (10.0.0.0/8) or a host name (api.example.com, *.example.com), optionally with a port (127.0.0.1:8080, [fd12::1]:443)',
  });

/**
 * An entry's target and port: `undefined` port when it names none, `null` when the
 * port is not a number from 1 to 65535.
 */
export function splitAllowEntry(entry: string): { target: string; port: number | undefined | null } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { target: bracketed[1] ?? '', port: portOf(bracketed[2]) };
  const colons = entry.split(':').length - 1;
  if (colons === 1) {
    const [target = '', port] = entry.split(':');
    return { target, port: portOf(port) };
  }
  return { target: entry, port: undefined };
}

function portOf(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : 0;
  return port >= 1 && port <= 65_535 ? port : null;
}

function isTarget(entry: string): boolean {
  return isCidr(entry) || isIP(entry) !== 0 || hostNamePattern.test(entry);
}

/**
 * Where a workspace may send HTTP on purpose although the SSRF guard would refuse
 * it (`Workspace.settings.http.allowlist`). Empty: only public addresses.
 */
export const httpPolicySchema = z.object({
  allow: z.array(httpAllowEntrySchema).max(100).default([]),
  /** Ports never reached on a non-public address, whatever `allow` says (Parley's own services). */
  denyPorts: z.array(z.number().int().min(1).max(65_535)).max(100).default([]),
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

/**
 * An egress allowlist read from the environment (ELEMENT_EGRESS_ALLOW,
 * CHANNEL_EGRESS_ALLOW): entries separated by commas, each an httpAllowEntrySchema
 * entry; empty or unset: public addresses only. A bad entry fails start-up naming it.
 */
export const egressAllowlistEnvSchema = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0))
  .pipe(z.array(httpAllowEntrySchema).max(100));
