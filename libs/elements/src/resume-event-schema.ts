import { z } from 'zod';

/** Why a call failed: a stable `code` (e.g. 'timeout', 'http-500', 'sandbox-error') and a sentence. */
export const callErrorSchema = z.object({ code: z.string(), message: z.string() });
export type CallError = z.infer<typeof callErrorSchema>;

/**
 * What resumes a waiting element, after the engine has matched the raw event to the
 * wait (timer ids, call keys): elements never see ids.
 * - user.message: the user's reply (for a `user.message` wait).
 * - timeout: the wait's timeout fired (`user.message` or `call.result` wait with `timeoutSeconds`).
 * - timer: the `timer` wait is over.
 * - call.result: the result of the awaited call. `ok: false` carries `error`; `result` is
 *   whatever JSON the runner's executor returned: validate it with the call's result schema
 *   and treat a malformed result as a failure.
 */
export const resumeEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user.message'), text: z.string() }),
  z.object({ type: z.literal('timeout') }),
  z.object({ type: z.literal('timer') }),
  z.object({
    type: z.literal('call.result'),
    ok: z.boolean(),
    result: z.json().optional(),
    error: callErrorSchema.optional(),
  }),
]);
export type ResumeEvent = z.infer<typeof resumeEventSchema>;
