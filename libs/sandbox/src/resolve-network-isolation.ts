import { spawnSync } from 'node:child_process';

/** How sandbox processes are kept off the network: a command prefix that runs them in a network namespace of their own, or none. */
export type NetworkIsolation = { mechanism: 'netns'; prefix: string[] } | { mechanism: 'none'; reason: string };

/** util-linux's unshare: a new network namespace (only a loopback, down) under a user namespace keeping the caller's uid. */
const unshareCommand = ['unshare', '--net', '--map-current-user'];

/**
 * Whether sandbox processes can run without network: probes once (a few ms) that
 * `unshare --net --map-current-user` works here (util-linux ≥ 2.38, unprivileged user
 * namespaces allowed). Scripts never get a network API anyway (isolated-vm); this takes
 * the network away from the sandbox process itself, so a script that escaped the isolate
 * still could not reach Postgres, Redis or the metadata endpoint. `off`: not tried.
 */
export function resolveNetworkIsolation(setting: 'auto' | 'off'): NetworkIsolation {
  if (setting === 'off') return { mechanism: 'none', reason: 'turned off (isolateNetwork: off)' };
  if (process.platform !== 'linux') return { mechanism: 'none', reason: 'network namespaces are Linux only' };
  const [command = 'unshare', ...args] = unshareCommand;
  const probe = spawnSync(command, [...args, 'true'], { timeout: 5_000, stdio: 'ignore' });
  if (probe.error) return { mechanism: 'none', reason: `${command} is not available (${probe.error.message})` };
  if (probe.status !== 0) return { mechanism: 'none', reason: `${unshareCommand.join(' ')} is not allowed here (exit ${probe.status ?? probe.signal ?? '?'}): unprivileged user namespaces may be disabled` };
  return { mechanism: 'netns', prefix: unshareCommand };
}
