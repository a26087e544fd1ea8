import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/**
 * The address this process sends from, for the "per endpoint per IP address" limit: the
 * first external (non-internal) IPv4 address of the host, else the first external IPv6
 * address, else 127.0.0.1 (a host with loopback only). Workers on one machine therefore
 * share one per-source budget, as they share one egress address. Deployments whose
 * traffic leaves through another address (NAT, several interfaces, an egress proxy)
 * should configure it instead of relying on this guess.
 */
export function defaultSourceAddress(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string {
  const external = Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal);
  return (
    external.find((entry) => entry.family === 'IPv4')?.address ??
    external.find((entry) => entry.family === 'IPv6')?.address ??
    '127.0.0.1'
  );
}
