import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rlimitShell, type ProcessMemoryCeiling } from './resolve-process-memory-ceiling';

/** A started sandbox process, and what to undo once it has exited (its cgroup). */
export type SandboxProcess = { child: ChildProcess; release: () => void };

let cgroups = 0;

/**
 * Starts `node <nodeArgs>` with an IPC channel (what `fork` does), through `prefix` (its
 * own network namespace where available), under the kernel memory ceiling `ceiling`:
 * - `rlimit-as`: through `/bin/sh -c 'ulimit -v N && exec node …'`, so the limit holds from
 *   the process's first instruction, for anything it starts, and cannot be raised (the shell
 *   sets the hard limit too); the process keeps the shell's pid, and not the shell's PWD;
 * - cgroup: a child cgroup `parley-sandbox-<worker pid>-<n>` of `cgroupDir` gets the limit
 *   (swap excluded) and the process right after it started, before it takes any run. If that
 *   fails the process is killed (the pool starts another, with backoff) rather than run
 *   without its ceiling.
 * `release` removes the cgroup; call it after the process exited.
 */
export function spawnSandboxProcess(options: {
  ceiling: ProcessMemoryCeiling;
  /** A command the process is started through (a network namespace of its own: resolveNetworkIsolation); empty: none. */
  prefix: readonly string[];
  nodeArgs: string[];
  env: NodeJS.ProcessEnv;
  stderr: 'inherit' | 'ignore';
}): SandboxProcess {
  const { ceiling, nodeArgs, env } = options;
  const spawnOptions: SpawnOptions = { env, serialization: 'advanced', stdio: ['ignore', 'ignore', options.stderr, 'ipc'] };
  // The prefix (unshare) execs what follows: the process keeps one pid throughout.
  const start = (command: string, args: string[]): ChildProcess => {
    const [first, ...rest] = options.prefix;
    return first === undefined ? spawn(command, args, spawnOptions) : spawn(first, [...rest, command, ...args], spawnOptions);
  };
  if (ceiling.mechanism === 'rlimit-as') {
    const kib = String(ceiling.limitMb * 1_024);
    const child = start(rlimitShell, ['-c', 'unset PWD OLDPWD; ulimit -v "$0" && exec "$@"', kib, process.execPath, ...nodeArgs]);
    return { child, release: () => undefined };
  }
  const child = start(process.execPath, nodeArgs);
  if (ceiling.mechanism === 'none' || child.pid === undefined) return { child, release: () => undefined };
  const dir = join(ceiling.cgroupDir, `parley-sandbox-${process.pid}-${++cgroups}`);
  const release = (): void => {
    try {
      rmdirSync(dir);
    } catch {
      // Already gone, or never created.
    }
  };
  try {
    mkdirSync(dir);
    const bytes = String(ceiling.limitMb * 1_048_576);
    if (ceiling.mechanism === 'cgroup-v2') {
      writeFileSync(join(dir, 'memory.max'), bytes);
      writeIfPresent(join(dir, 'memory.swap.max'), '0');
      // The OOM killer ends the whole process (it may have started helpers), not one thread's victim.
      writeIfPresent(join(dir, 'memory.oom.group'), '1');
    } else {
      writeFileSync(join(dir, 'memory.limit_in_bytes'), bytes);
      writeIfPresent(join(dir, 'memory.memsw.limit_in_bytes'), bytes);
    }
    writeFileSync(join(dir, 'cgroup.procs'), String(child.pid));
  } catch (error) {
    process.stderr.write(`sandbox: could not put sandbox process ${child.pid} under its cgroup memory limit (${String(error)}); stopping it\n`);
    child.kill('SIGKILL');
  }
  return { child, release };
}

function writeIfPresent(file: string, value: string): void {
  if (existsSync(file)) writeFileSync(file, value);
}
