import { z } from 'zod';

/**
 * Transfer the conversation to a human agent (To Agent, and fallbacks with an 'agent'
 * action). The runner assigns it in the Inbox: `queue` (none: the default queue), the
 * conversation `tags`, and an optional note for the agent in `message`.
 * The element that emits it ends the session with reason 'handoff' (no result awaited).
 */
export const handoffCallSchema = z.object({
  name: z.literal('handoff'),
  queue: z.string().min(1).optional(),
  tags: z.array(z.string().min(1)),
  message: z.string().optional(),
});
export type HandoffCall = z.infer<typeof handoffCallSchema>;
