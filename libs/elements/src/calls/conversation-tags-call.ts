import { z } from 'zod';

/**
 * `conversation.tags`: add Inbox tags to the conversation of this session (Conversation
 * tags element). The runner stores them on the session's Conversation row, creating it
 * (status 'bot': not in the agent inbox yet) if needed; tags the workspace's Inbox does
 * not define are created there (never dropped). Fire-and-forget: the element does not wait for the result.
 *
 * Result contract (call.result, for traces): `ok: true` with `conversationTagsResultSchema`.
 */
export const conversationTagsCallSchema = z.object({
  name: z.literal('conversation.tags'),
  tags: z.array(z.string().min(1)).min(1),
});
export type ConversationTagsCall = z.infer<typeof conversationTagsCallSchema>;

/** `added`: tags newly on the conversation; `created`: tags the Inbox did not define, created now. */
export const conversationTagsResultSchema = z.object({
  added: z.array(z.string()),
  created: z.array(z.string()),
});
export type ConversationTagsResult = z.infer<typeof conversationTagsResultSchema>;
