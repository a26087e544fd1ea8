import { z } from 'zod';

/**
 * What a waiting element waits for. The engine stores it in the session and hands it
 * back to the element's `onEvent`, so an element may keep per-wait data here
 * (e.g. a retry count later). The engine derives timers from it:
 * - user.message: resumes with the next user message; with `timeoutSeconds`, the engine
 *   also sets a 'reply-timeout' timer and resumes with `{ type: 'timeout' }` when it fires.
 * Later: delay, http.result, code.result ...
 */
export const waitForSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user.message'),
    timeoutSeconds: z.number().int().positive().optional(),
  }),
]);
export type WaitFor = z.infer<typeof waitForSchema>;
