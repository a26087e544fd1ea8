import { z } from 'zod';
import { isolatePoolOptionsSchema } from './isolate-pool-options-schema';

/**
 * How a `SandboxPool` is sized and capped. Every field has a default; `size` is the one
 * operators change (the worker reads SANDBOX_POOL_SIZE).
 */
export const sandboxPoolOptionsSchema = z.object({
  /**
   * Sandbox processes, each with one warm isolate: runs executing at once. More runs wait
   * in a FIFO queue. Each process costs about 100 MB of memory.
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
  /** Where a sandbox process's stderr goes (V8 prints its out-of-memory report there before aborting). */
  stderr: z.enum(['inherit', 'ignore']).default('inherit'),
  /** The isolates' settings inside each process (its `size` is always 1). */
  isolates: isolatePoolOptionsSchema.omit({ size: true }).prefault({}),
});
export type SandboxPoolOptions = z.input<typeof sandboxPoolOptionsSchema>;
export type ResolvedSandboxPoolOptions = z.output<typeof sandboxPoolOptionsSchema>;
