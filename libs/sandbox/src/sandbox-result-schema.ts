import { z } from 'zod';
import { sandboxAttributesSchema } from './sandbox-input-schema';

/** `codeRunErrorCodeSchema` of @parley/elements, declared here for the same reason as sandboxAttributesSchema. */
export const sandboxErrorCodeSchema = z.enum(['timeout', 'memory', 'script-error', 'invalid-value']);

/**
 * What a run reports. Never thrown: a script that throws, loops or allocates too much is
 * an `ok: false` result, and the pool stays usable.
 * - `ok: true`: `attributes` maps every name the script passed to `attributeApi.set` to
 *   its last value (JSON); `logs` is the console output (capped); `durationMs` the wall
 *   time of the run, compile included, queueing excluded.
 * - `ok: false`: `error.code` is `timeout` (over `limits.timeoutMs`, wall clock or CPU),
 *   `memory` (over `limits.memoryMb`), `script-error` (did not compile, threw, or waited
 *   for a promise that never settles; the message names the error and its line) or
 *   `invalid-value` (`attributeApi.set` got a value that is not JSON, or the values set are
 *   too large); `error.message` says what happened in words a bot author can act on.
 */
export const sandboxResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    attributes: sandboxAttributesSchema,
    logs: z.array(z.string()),
    durationMs: z.number(),
  }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: sandboxErrorCodeSchema, message: z.string() }),
    durationMs: z.number(),
  }),
]);
export type SandboxResult = z.infer<typeof sandboxResultSchema>;
export type SandboxError = Extract<SandboxResult, { ok: false }>['error'];
