import { z } from 'zod';
import { attributeValuesSchema } from '../attribute-values-schema';

/** Sandbox limits of one code run (the Code element's fields, defaults applied). */
export const codeRunLimitsSchema = z.object({
  /** Wall-clock budget of the run, ms (100–5 000). */
  timeoutMs: z.number().int().min(100).max(5_000),
  /** Heap limit of the isolate, MiB (8–64). */
  memoryMb: z.number().int().min(8).max(64),
});
export type CodeRunLimits = z.infer<typeof codeRunLimitsSchema>;

/**
 * `code.run`: run the Code element's JavaScript in an isolated sandbox. The script sees
 * `attributeApi.get(name)` (reads `attributes`: a snapshot of the attributes in scope,
 * inbound ones included; unset ones are absent, so `get` returns undefined),
 * `attributeApi.set(name, value)` (records the value; JSON values only) and
 * `encryptionUtils.md5|sha1|sha256|sha512(text)` (hex digests). No I/O, no timers, no
 * modules. `code` is the script as written (1–20 000 characters).
 *
 * Result contract (call.result): `ok: true` with `codeRunResultSchema` when the script
 * ran to completion; `ok: false` when it did not, `error.code` one of codeRunErrorCodeSchema
 * and `error.message` the thrown message or the limit hit.
 */
export const codeRunCallSchema = z.object({
  name: z.literal('code.run'),
  code: z.string().min(1).max(20_000),
  attributes: attributeValuesSchema,
  limits: codeRunLimitsSchema,
});
export type CodeRunCall = z.infer<typeof codeRunCallSchema>;

/**
 * The `result` of a completed `code.run`:
 * - attributes: every name passed to `attributeApi.set`, with its last value (names the
 *   flow may not write are filtered by the element, not the sandbox);
 * - logs: console output lines, if the sandbox captures it (for the simulator and trace).
 */
export const codeRunResultSchema = z.object({
  attributes: attributeValuesSchema,
  logs: z.array(z.string()).optional(),
});
export type CodeRunResult = z.infer<typeof codeRunResultSchema>;

/**
 * `error.code` values of a failed `code.run`: timeout (over `limits.timeoutMs`), memory
 * (over `limits.memoryMb`), script-error (the script threw or does not compile; the
 * message is the error's), invalid-value (a value given to `attributeApi.set` is not JSON).
 */
export const codeRunErrorCodeSchema = z.enum(['timeout', 'memory', 'script-error', 'invalid-value']);
export type CodeRunErrorCode = z.infer<typeof codeRunErrorCodeSchema>;
