import { z } from 'zod';

/** Element-private data kept across a wait (e.g. `{ attempt: 1 }`), handed back on resume. */
export const waitStateSchema = z.json().optional().meta({ description: 'Element-private state kept across the wait.' });

/**
 * What a waiting element waits for. The engine stores it in the session and hands it
 * back, unchanged, to the element's `onEvent` (so `state` survives the wait). The engine
 * derives timers from it (timer ids `${turn}:${kind}`; a timer from an older wait is stale):
 * - user.message: resumes with the next user message; with `timeoutSeconds`, a
 *   'reply-timeout' timer resumes with `{ type: 'timeout' }` instead when it fires first.
 * - timer: resumes with `{ type: 'timer' }` after `seconds` (a 'delay' timer). User messages
 *   arriving meanwhile are buffered and delivered to the next user.message wait.
 * - call.result: resumes with `{ type: 'call.result', ... }` when the runner reports the
 *   result of the one call effect emitted in the same outcome; with `timeoutSeconds`, a
 *   'call-timeout' timer resumes with `{ type: 'timeout' }` (a later result is stale).
 *   User messages arriving meanwhile are buffered too.
 */
export const waitForSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user.message'),
    timeoutSeconds: z.number().int().positive().optional(),
    state: waitStateSchema,
  }),
  z.object({
    kind: z.literal('timer'),
    seconds: z.number().positive(),
    state: waitStateSchema,
  }),
  z.object({
    kind: z.literal('call.result'),
    timeoutSeconds: z.number().int().positive().optional(),
    state: waitStateSchema,
  }),
]);
export type WaitFor = z.infer<typeof waitForSchema>;
export type WaitKind = WaitFor['kind'];
