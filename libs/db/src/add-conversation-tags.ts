import type { Tx } from './create-db';
import type { Conversation } from './generated/client';
import { lockSessionConversation, type SessionConversationInput } from './lock-session-conversation';
import { ensureConversationTags } from './ensure-conversation-tags';

export type AddConversationTagsInput = SessionConversationInput & {
  /** Tag names; those the workspace's Inbox does not define yet are created (ensureConversationTags). */
  tags: readonly string[];
};

export type AddConversationTagsResult = {
  conversation: Conversation;
  /** Defined tags that were not on the conversation yet, in the order given. */
  added: string[];
  /** Tags the workspace's Inbox did not define: created now. */
  created: string[];
};

/**
 * Adds tags to the conversation of a bot session, creating the conversation (status
 * 'bot') if the session has none. Tags already present are kept once; order is
 * first-added first. A tag the Inbox does not define (publishing the bot creates them,
 * so only one deleted since) is created again rather than lost, and reported in `created`.
 */
export async function addConversationTags(tx: Tx, input: AddConversationTagsInput): Promise<AddConversationTagsResult> {
  const created = await ensureConversationTags(tx, input.workspaceId, input.tags);
  const conversation = await lockSessionConversation(tx, input);
  const added = [...new Set(input.tags)].filter((tag) => !conversation.tags.includes(tag));
  if (added.length === 0) return { conversation, added, created };
  const updated = await tx.conversation.update({
    where: { id: conversation.id },
    data: { tags: [...conversation.tags, ...added] },
  });
  return { conversation: updated, added, created };
}
