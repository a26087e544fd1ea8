import type { Tx } from './create-db';
import type { ConversationTag } from './generated/client';

/** The workspace's Inbox tags, by name. */
export async function listConversationTags(tx: Tx, workspaceId: string): Promise<ConversationTag[]> {
  return tx.conversationTag.findMany({ where: { workspaceId }, orderBy: { name: 'asc' } });
}
