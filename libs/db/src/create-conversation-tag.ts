import type { Tx } from './create-db';
import type { ConversationTag } from './generated/client';

export type CreateConversationTagInput = { workspaceId: string; name: string };

/**
 * Defines an Inbox tag for the workspace (conversation tags may only use defined tags).
 * Idempotent: an existing tag of the same name is returned as is.
 */
export async function createConversationTag(tx: Tx, input: CreateConversationTagInput): Promise<ConversationTag> {
  return tx.conversationTag.upsert({
    where: { workspaceId_name: { workspaceId: input.workspaceId, name: input.name } },
    create: { workspaceId: input.workspaceId, name: input.name },
    update: {},
  });
}
