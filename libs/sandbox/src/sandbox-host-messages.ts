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

/**
 * Sandbox process → parent: `ready` once its isolate is warm; `result` for each run;
 * `unavailable` when its pool refused the run (SandboxUnavailableError). Each carries the
 * pool's counters.
 */
export const sandboxHostReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), stats: isolatePoolStatsSchema }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: sandboxResultSchema, stats: isolatePoolStatsSchema }),
  z.object({ type: z.literal('unavailable'), id: z.number().int(), message: z.string(), stats: isolatePoolStatsSchema }),
]);
export type SandboxHostReply = z.infer<typeof sandboxHostReplySchema>;
