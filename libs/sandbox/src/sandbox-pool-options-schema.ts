import { z } from 'zod';
import { isolatePoolOptionsSchema } from './isolate-pool-options-schema';
import { maxIsolateMemoryMb } from './sandbox-input-schema';

/**
 * How a `SandboxPool` is sized and capped. Every field has a default; `size` and the
 * process memory settings are the ones operators change (the worker reads
 * SANDBOX_POOL_SIZE).
 */
export const sandboxPoolOptionsSchema = z
  .object({
    /**
     * Sandbox processes, each with one warm isolate: runs executing at once. More runs wait
     * in a FIFO queue. Each process costs about 80 MB of memory idle.
     */
    size: z.number().int().min(1).max(32).default(2),
    /** Longest wait for a free sandbox (its start included) before the run is refused (SandboxUnavailableError). */
    queueTimeoutMs: z.number().int().min(1).max(600_000).default(30_000),
    /** Longest start of a sandbox process (loading TypeScript, isolated-vm and warming an isolate) before it is killed and started again. */
    startTimeoutMs: z.number().int().min(1_000).max(600_000).default(60_000),
    /**
     * The last line of defence: a process that has not answered `timeoutMs + wallGraceMs +
     * watchdogSlackMs` after a run started is killed (the run reports `timeout`) and replaced.
     */
    watchdogSlackMs: z.number().int().min(100).max(60_000).default(2_000),
    /**
     * The memory one sandbox process may use, MiB, enforced by the kernel (see
     * resolveProcessMemoryCeiling): a cgroup's `memory.max` when `cgroupDir` is given, else
     * an address-space rlimit of `addressSpaceReserveMb + processMemoryMb`. Past it the
     * process dies, its run reports `memory` and a new process takes its place. Default:
     * eight times the largest isolate heap (64 MiB), well above what a run within its limits
     * needs (at most about 170 MB resident under a mixed load, measured) and above the resident-memory guard's
     * per-run ceiling (see guardProcessMemory).
     */
    processMemoryMb: z.number().int().min(128).max(65_536).default(8 * maxIsolateMemoryMb),
    /**
     * Address space Node and V8 reserve without using it (V8 reserves 512 MiB per isolate for
     * JIT code, the process ~1.8 GiB idle), added to `processMemoryMb` for the RLIMIT_AS
     * ceiling. Measured: 1.8 GiB idle, 2.45 GiB at most under a mixed load; below about 2.3
     * GiB in total sandbox processes die when V8 re-creates an isolate. Raise it if sandbox
     * processes die with "Failed to reserve virtual memory" on another Node version.
     */
    addressSpaceReserveMb: z.number().int().min(1_024).max(1_048_576).default(2_560),
    /**
     * A sandbox process still holding more than this resident memory (MiB) after a run is
     * replaced once the run's result is handed back: memory a run left behind (freed by V8
     * but kept by the allocator, or a heap that grew) is returned to the system instead of
     * staying for the process's lifetime. Default: four times the largest isolate heap; a
     * process holds about 80 MB idle and up to about 160 MB after heavy runs (measured).
     * Keep it well above the idle figure, or every run replaces its process.
     */
    recycleAboveMb: z.number().int().min(64).max(65_536).default(4 * maxIsolateMemoryMb),
    /**
     * A cgroup directory this process may create child cgroups in (cgroup v2 with the memory
     * controller enabled in its `cgroup.subtree_control`, or a cgroup v1 memory hierarchy
     * directory), e.g. one delegated by systemd (`Delegate=yes`) or a container runtime. Each
     * sandbox process then gets its own child cgroup with `memory.max` (v1:
     * `memory.limit_in_bytes`) = `processMemoryMb`. Without it, or when it is not usable, the
     * pool falls back to RLIMIT_AS. Never guessed: writing into a cgroup tree someone else
     * manages (the worker's own cgroup) is left to the operator's decision.
     */
    cgroupDir: z.string().min(1).optional(),
    /**
     * `auto`: run each sandbox process in a network namespace of its own (no network at all)
     * where this machine allows it (resolveNetworkIsolation: util-linux unshare with user
     * namespaces); `off`: share the worker's network.
     */
    isolateNetwork: z.enum(['auto', 'off']).default('auto'),
    /** Where a sandbox process's stderr goes (V8 prints its out-of-memory report there before aborting). */
    stderr: z.enum(['inherit', 'ignore']).default('inherit'),
    /** Operator notices (the memory ceiling in force, processes recycled); default: one line each on stderr. */
    log: z.custom<(line: string) => void>((value) => typeof value === 'function', 'log must be a function').optional(),
    /** The isolates' settings inside each process (its `size` is always 1). */
    isolates: isolatePoolOptionsSchema.omit({ size: true }).prefault({}),
  })
  .refine((options) => options.recycleAboveMb < options.processMemoryMb, {
    message: 'recycleAboveMb must be below processMemoryMb',
    path: ['recycleAboveMb'],
  });
export type SandboxPoolOptions = z.input<typeof sandboxPoolOptionsSchema>;
export type ResolvedSandboxPoolOptions = z.output<typeof sandboxPoolOptionsSchema>;
