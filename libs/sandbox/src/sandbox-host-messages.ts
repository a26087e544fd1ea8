import { z } from 'zod';
import { isolatePoolOptionsSchema } from './isolate-pool-options-schema';
import { sandboxInputSchema } from './sandbox-input-schema';
import { sandboxResultSchema } from './sandbox-result-schema';

/** Counters of a sandbox process's IsolatePool (see IsolatePoolStats). */
export const isolatePoolStatsSchema = z.object({
  size: z.number(),
  busy: z.number(),
  waiting: z.number(),
  isolatesCreated: z.number(),
  isolatesDisposed: z.number(),
  scriptsCompiled: z.number(),
  runs: z.number(),
});

/** The sandbox process's only argument: its IsolatePool options, as JSON. */
export const sandboxHostOptionsSchema = isolatePoolOptionsSchema;

/** Parent → sandbox process: run one script (the parent sends one at a time per process). */
export const sandboxHostRequestSchema = z.object({ type: z.literal('run'), id: z.number().int(), input: sandboxInputSchema });
export type SandboxHostRequest = z.infer<typeof sandboxHostRequestSchema>;

/** Resident memory of the sandbox process, MiB. */
const residentMbSchema = z.number().min(0);

/**
 * Sandbox process → parent: `ready` once its isolate is warm; `result` for each run;
 * `unavailable` when its pool refused the run (SandboxUnavailableError); `resident`, its
 * resident memory once it has been idle for a moment after a run. Memory a run frees comes
 * back within ~10 ms, so what is still held then, or when the next run starts
 * (`residentBeforeMb` of a `result`), stayed: the parent replaces a process over its
 * budget. Each carries the pool's counters.
 */
export const sandboxHostReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), stats: isolatePoolStatsSchema }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: sandboxResultSchema, residentBeforeMb: residentMbSchema, stats: isolatePoolStatsSchema }),
  z.object({ type: z.literal('unavailable'), id: z.number().int(), message: z.string(), residentBeforeMb: residentMbSchema, stats: isolatePoolStatsSchema }),
  z.object({ type: z.literal('resident'), residentMb: residentMbSchema, stats: isolatePoolStatsSchema }),
]);
export type SandboxHostReply = z.infer<typeof sandboxHostReplySchema>;
