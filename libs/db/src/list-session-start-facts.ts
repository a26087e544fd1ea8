import { Prisma } from './generated/client';
import type { SqlClient } from './sql-client';

export type SessionStartFacts = {
  /**
   * Contacts (`${channelId}\u0000${contact}`) whose conversation is with a human agent
   * ('open' or 'assigned'; the most recently updated one), with that conversation.
   */
  withAgent: Map<string, { conversationId: string; workspaceId: string }>;
  /** Each bot's highest-numbered published version: its id and number. */
  latestVersions: Map<string, { id: string; number: number }>;
  /**
   * Contacts with stored calls not yet applied (pending or done): their ids. A call a
   * session made as it ended (To Agent's handoff) decides where the next message goes.
   */
  unappliedCalls: Map<string, Set<string>>;
};

/**
 * What starting sessions for many contacts at once needs to know, in one statement:
 * which of them are with a human agent (their messages go to the agent inbox, see
 * findAgentConversation) and the latest published version of each bot (see
 * getLatestVersion). Read under the contacts' locks, in the batch's transaction.
 */
export async function listSessionStartFacts(
  tx: SqlClient,
  contacts: readonly { channelId: string; contact: string }[],
  botIds: readonly string[],
): Promise<SessionStartFacts> {
  const facts: SessionStartFacts = { withAgent: new Map(), latestVersions: new Map(), unappliedCalls: new Map() };
  if (contacts.length === 0 && botIds.length === 0) return facts;
  const pairs = contacts.length > 0 ? Prisma.join(contacts.map((ref) => Prisma.sql`(${ref.channelId}, ${ref.contact})`)) : Prisma.sql`(NULL::text, NULL::text)`;
  const rows = await tx.$queryRaw<{ kind: string; a: string; b: string; n: number | null; c: string | null; d: string | null }[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (c."channelId", s."contact") 'agent' AS "kind", c."channelId" AS "a", s."contact" AS "b", NULL::int AS "n", c."id" AS "c", c."workspaceId" AS "d"
      FROM "Conversation" c JOIN "Session" s ON s."id" = c."sessionId"
      WHERE c."status" IN ('open', 'assigned') AND (c."channelId", s."contact") IN (VALUES ${pairs})
      ORDER BY c."channelId", s."contact", c."updatedAt" DESC
    ) AS agents
    UNION ALL
    SELECT 'call', "channelId", "contact", NULL::int, "id", NULL::text FROM "SessionCall"
    WHERE "status" IN ('pending', 'done') AND ("channelId", "contact") IN (VALUES ${pairs})
    UNION ALL
    SELECT * FROM (
      SELECT DISTINCT ON ("botId") 'version', "botId", "id", "number", NULL::text, NULL::text FROM "BotVersion"
      WHERE "botId" = ANY(${[...botIds]}::text[])
      ORDER BY "botId", "number" DESC
    ) AS latest`;
  for (const row of rows) {
    const contact = `${row.a}\u0000${row.b}`;
    if (row.kind === 'agent' && row.c !== null && row.d !== null) facts.withAgent.set(contact, { conversationId: row.c, workspaceId: row.d });
    else if (row.kind === 'call' && row.c !== null) facts.unappliedCalls.set(contact, new Set([...(facts.unappliedCalls.get(contact) ?? []), row.c]));
    else if (row.n !== null) facts.latestVersions.set(row.a, { id: row.b, number: row.n });
  }
  return facts;
}
