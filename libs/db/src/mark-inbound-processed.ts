import type { Tx } from './create-db';
import { Prisma } from './generated/client';
import type { SqlClient } from './sql-client';

/**
 * Marks inbound messages processed (status 'processed', processedAt now) and
 * links them to the session that handled them (null: none did). Messages
 * already processed are left as they are. Returns how many changed.
 */
export async function markInboundProcessed(tx: Tx, messageIds: readonly string[], sessionId: string | null): Promise<number> {
  return markInboundProcessedBySession(tx, [{ messageIds, sessionId }]);
}

/**
 * markInboundProcessed for several groups of messages, each with the session
 * that handled it, in one statement. Returns how many changed.
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages).
 */
export async function markInboundProcessedBySession(
  tx: SqlClient,
  groups: readonly { messageIds: readonly string[]; sessionId: string | null }[],
): Promise<number> {
  if (!groups.some((group) => group.messageIds.length > 0)) return 0;
  return tx.$executeRaw`${markInboundProcessedStatement(groups)}`;
}

/**
 * The UPDATE of markInboundProcessedBySession (also part of writeTurnBatch). It finds
 * its rows by primary key only: the status check is a guard, written `IS TRUE` so
 * that the planner cannot use it as a search. As `m."status" = 'received'` it could
 * take the (direction, status, seq) index instead, whenever the statistics say
 * unprocessed messages are rare (they usually are), and then read every workspace's
 * unprocessed backlog for each turn: a flood's 300 waiting messages for every other
 * workspace's reply (measured; turn-plans.int.test.ts).
 */
export function markInboundProcessedStatement(groups: readonly { messageIds: readonly string[]; sessionId: string | null }[]): Prisma.Sql {
  const ids = groups.flatMap((group) => group.messageIds);
  const sessionIds = groups.flatMap((group) => group.messageIds.map(() => group.sessionId));
  return Prisma.sql`
    UPDATE "Message" AS m
    SET "status" = 'processed', "processedAt" = ${new Date()}, "sessionId" = v."sessionId"
    FROM unnest(${ids}::text[], ${sessionIds}::text[]) AS v("id", "sessionId")
    WHERE m."id" = v."id" AND m."direction" = 'inbound' AND (m."status" = 'received') IS TRUE`;
}
