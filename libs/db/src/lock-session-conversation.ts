import type { Tx } from './create-db';
import type { Conversation } from './generated/client';

export type SessionConversationInput = {
  workspaceId: string;
  /** The bot session; a session has at most one conversation (unique sessionId). */
  sessionId: string;
  channelId: string;
  /** Linked when the conversation is created (or had no person yet). */
  personId?: string | null;
};

/**
 * The conversation of bot session `sessionId`, created with status 'bot' (still with the
 * bot, not in the agent inbox) when there is none, and locked (SELECT ... FOR UPDATE)
 * for the rest of the transaction. Safe against concurrent creation (ON CONFLICT DO NOTHING).
 */
export async function lockSessionConversation(tx: Tx, input: SessionConversationInput): Promise<Conversation> {
  await tx.conversation.createMany({
    data: [
      {
        workspaceId: input.workspaceId,
        sessionId: input.sessionId,
        channelId: input.channelId,
        personId: input.personId ?? null,
        status: 'bot',
      },
    ],
    skipDuplicates: true,
  });
  await tx.$queryRaw`SELECT "id" FROM "Conversation" WHERE "sessionId" = ${input.sessionId} FOR UPDATE`;
  const conversation = await tx.conversation.findUniqueOrThrow({ where: { sessionId: input.sessionId } });
  if (conversation.personId === null && input.personId != null) {
    return tx.conversation.update({ where: { id: conversation.id }, data: { personId: input.personId } });
  }
  return conversation;
}
