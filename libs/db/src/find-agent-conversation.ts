import type { Tx } from './create-db';

/**
 * The conversation of this contact on this channel that is with a human agent
 * (status 'open' or 'assigned'), if any — newest first. While one exists, the
 * contact's messages belong to the agent inbox, not to a new bot session.
 */
export async function findAgentConversation(
  tx: Tx,
  channelId: string,
  contact: string,
): Promise<{ id: string; workspaceId: string; status: string; queue: string | null } | null> {
  return tx.conversation.findFirst({
    where: { channelId, status: { in: ['open', 'assigned'] }, session: { contact } },
    orderBy: { updatedAt: 'desc' },
    select: { id: true, workspaceId: true, status: true, queue: true },
  });
}
