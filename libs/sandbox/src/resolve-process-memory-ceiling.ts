import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How the kernel bounds each sandbox process's memory (see resolveProcessMemoryCeiling):
 * - `cgroup-v2` / `cgroup-v1`: a child cgroup of `cgroupDir` per process, whose memory
 *   limit is `limitMb` of memory actually charged (resident pages, page cache, kernel
 *   memory); past it the kernel's OOM killer ends the process.
 * - `rlimit-as`: RLIMIT_AS (`ulimit -v`) of `limitMb`: the process's address space,
 *   reservations included; past it allocations fail and V8 aborts the process.
 * - `none`: no kernel ceiling (`reason` says why); only the resident-memory guard and the
 *   isolates' heap limits remain.
 * `note` says why a preferred mechanism was passed over.
 */
export type ProcessMemoryCeiling =
  | { mechanism: 'cgroup-v2' | 'cgroup-v1'; limitMb: number; cgroupDir: string; note?: string }
  | { mechanism: 'rlimit-as'; limitMb: number; note?: string }
  | { mechanism: 'none'; reason: string; note?: string };

/** The shell that applies RLIMIT_AS before exec'ing Node (POSIX `ulimit -v`, in KiB). */
export const rlimitShell = '/bin/sh';

/**
 * Picks the strongest memory ceiling this machine lets the pool apply, by trying it:
 * 1. a cgroup under `cgroupDir` (only when the operator names one): a probe child cgroup is
 *    created and removed; v2 needs `memory` in the directory's `cgroup.subtree_control`;
 * 2. RLIMIT_AS through `/bin/sh -c 'ulimit -v'` (Linux; the shell must accept the limit);
 * 3. none.
 * Synchronous (a few milliseconds: one `sh` run); call it once per pool.
 */
export function resolveProcessMemoryCeiling(options: { processMemoryMb: number; addressSpaceReserveMb: number; cgroupDir?: string | undefined }): ProcessMemoryCeiling {
  let note: string | undefined;
  if (options.cgroupDir !== undefined) {
    const cgroup = probeCgroup(options.cgroupDir);
    if (cgroup.ok) return { mechanism: cgroup.mechanism, limitMb: options.processMemoryMb, cgroupDir: options.cgroupDir };
    note = `cgroupDir ${options.cgroupDir} is not usable: ${cgroup.reason}`;
  }
  const limitMb = options.addressSpaceReserveMb + options.processMemoryMb;
  const rlimit = probeRlimit(limitMb * 1_024);
  if (rlimit.ok) return { mechanism: 'rlimit-as', limitMb, ...(note ? { note } : {}) };
  return { mechanism: 'none', reason: rlimit.reason, ...(note ? { note } : {}) };
}

type Probe<T> = ({ ok: true } & T) | { ok: false; reason: string };

function probeCgroup(dir: string): Probe<{ mechanism: 'cgroup-v2' | 'cgroup-v1' }> {
  try {
    const v2 = existsSync(join(dir, 'cgroup.controllers'));
    if (v2) {
      const enabled = readFileSync(join(dir, 'cgroup.subtree_control'), 'utf8').split(/\s+/);
      if (!enabled.includes('memory')) return { ok: false, reason: 'the memory controller is not in its cgroup.subtree_control' };
    } else if (!existsSync(join(dir, 'memory.limit_in_bytes'))) {
      return { ok: false, reason: 'neither a cgroup v2 directory nor a cgroup v1 memory directory' };
    }
    const probe = join(dir, `parley-sandbox-probe-${process.pid}`);
    mkdirSync(probe);
    try {
      const limitFile = v2 ? 'memory.max' : 'memory.limit_in_bytes';
      if (!existsSync(join(probe, limitFile))) return { ok: false, reason: `a child cgroup has no ${limitFile}` };
    } finally {
      rmdirSync(probe);
    }
    return { ok: true, mechanism: v2 ? 'cgroup-v2' : 'cgroup-v1' };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function probeRlimit(kib: number): Probe<object> {
  if (process.platform !== 'linux') return { ok: false, reason: `RLIMIT_AS is only applied on Linux (this is ${process.platform})` };
  const shell = spawnSync(rlimitShell, ['-c', 'ulimit -v "$1" && ulimit -v', 'sh', String(kib)], { encoding: 'utf8', timeout: 5_000 });
  if (shell.error) return { ok: false, reason: `${rlimitShell} could not run: ${shell.error.message}` };
  if (shell.status !== 0 || shell.stdout.trim() !== String(kib)) {
    return { ok: false, reason: `${rlimitShell} could not set ulimit -v ${kib}: ${shell.stderr.trim() || `exit ${shell.status}`}` };
  }
  return { ok: true };
}
