import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports /proc/<pid>/stat times in USER_HZ, 100 a second on every architecture. */
const ticksPerMs = 100 / 1_000;

/** Which processes a group counts: these pids, and every process whose command line starts with `command`. */
export type CpuGroup = { pids?: readonly (number | undefined)[]; command?: string };

/** User + system CPU time of each process of the groups, at one moment (ticks by pid). */
export type CpuSnapshot = Map<number, { group: string; ticks: number }>;

/**
 * Reads the CPU time the groups' processes have used so far, from /proc (Linux only:
 * elsewhere the snapshot is empty and every group reads 0). A process that appears
 * between two snapshots counts from its start; one that exited is lost.
 */
export function cpuSnapshot(groups: Record<string, CpuGroup>): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return snapshot;
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let command: string;
    let stat: string;
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const group = Object.entries(groups).find(([, { pids, command: prefix }]) => pids?.includes(pid) || (prefix !== undefined && command.startsWith(prefix)))?.[0];
    if (group === undefined) continue;
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    snapshot.set(pid, { group, ticks: Number(fields[11]) + Number(fields[12]) });
  }
  return snapshot;
}

/** CPU milliseconds each group used between two snapshots. */
export function cpuMsBetween(before: CpuSnapshot, after: CpuSnapshot, groups: Record<string, CpuGroup>): Record<string, number> {
  const used: Record<string, number> = Object.fromEntries(Object.keys(groups).map((group) => [group, 0]));
  for (const [pid, { group, ticks }] of after) used[group] = (used[group] ?? 0) + (ticks - (before.get(pid)?.ticks ?? 0)) / ticksPerMs;
  return used;
}
