import type { Tx } from './create-db';
import type { Conversation } from './generated/client';
import { lockSessionConversation, type SessionConversationInput } from './lock-session-conversation';
import { splitKnownConversationTags } from './split-known-conversation-tags';

export type AddConversationTagsInput = SessionConversationInput & {
  /** Tag names; only those defined as Inbox tags of the workspace are added. */
  tags: readonly string[];
};

export type AddConversationTagsResult = {
  conversation: Conversation;
  /** Defined tags that were not on the conversation yet, in the order given. */
  added: string[];
  /** Tags skipped because the workspace's Inbox does not define them. */
  unknown: string[];
};

/**
 * Adds tags to the conversation of a bot session, creating the conversation (status
 * 'bot') if the session has none. Tags already present are kept once; order is
 * first-added first. Only Inbox-defined tags are added (the spec: tags are created in
 * Inbox before chatbots use them); the others are reported in `unknown`.
 */
export async function addConversationTags(tx: Tx, input: AddConversationTagsInput): Promise<AddConversationTagsResult> {
  const { known, unknown } = await splitKnownConversationTags(tx, input.workspaceId, input.tags);
  const conversation = await lockSessionConversation(tx, input);
  const added = known.filter((tag) => !conversation.tags.includes(tag));
  if (added.length === 0) return { conversation, added, unknown };
  const updated = await tx.conversation.update({
    where: { id: conversation.id },
    data: { tags: [...conversation.tags, ...added] },
  });
  return { conversation: updated, added, unknown };
}
