import type { Tx } from './create-db';
import type { Conversation } from './generated/client';
import { lockSessionConversation, type SessionConversationInput } from './lock-session-conversation';
import { ensureConversationTags } from './ensure-conversation-tags';

export type OpenConversationInput = SessionConversationInput & {
  /** The agent queue to route to; null or omitted: keep the conversation's queue (none: the default queue). */
  queue?: string | null;
  /** Tags to add (created in the Inbox when missing, as addConversationTags). */
  tags: readonly string[];
};

export type OpenConversationResult = {
  conversation: Conversation;
  /** Tags the workspace's Inbox did not define: created now. */
  createdTags: string[];
};

/**
 * Hands a bot session's conversation to the agent inbox (To Agent): creates it if the
 * session has none, sets status 'open' (a conversation an agent already holds stays
 * 'assigned'), sets the queue, adds the tags and clears closedAt.
 * Idempotent: repeating it changes nothing more.
 */
export async function openConversation(tx: Tx, input: OpenConversationInput): Promise<OpenConversationResult> {
  const createdTags = await ensureConversationTags(tx, input.workspaceId, input.tags);
  const conversation = await lockSessionConversation(tx, input);
  const tags = [...conversation.tags, ...[...new Set(input.tags)].filter((tag) => !conversation.tags.includes(tag))];
  const updated = await tx.conversation.update({
    where: { id: conversation.id },
    data: {
      status: conversation.status === 'assigned' ? 'assigned' : 'open',
      queue: input.queue ?? conversation.queue,
      tags,
      closedAt: null,
    },
  });
  return { conversation: updated, createdTags };
}
