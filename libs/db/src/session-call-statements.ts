import { Prisma, type SessionCall as SessionCallRow } from './generated/client';
import type { InsertSessionCallInput } from './insert-session-call';
import type { SqlClient } from './sql-client';
import { toJsonText } from './to-json-input';
import { toSessionCall, type SessionCall } from './to-session-call';

/** A call a batch of turns stores (insertSessionCall's fields, with the id chosen by the caller). */
export type BatchSessionCallInput = Omit<InsertSessionCallInput, 'result'> & { id: string };

/**
 * The INSERT of pending calls (as insertSessionCall writes them), for writeTurnBatch.
 * A call already stored for its session and key is left as it is.
 */
export function insertSessionCallsStatement(inputs: readonly BatchSessionCallInput[]): Prisma.Sql {
  const values = inputs.map(
    (input) => Prisma.sql`(${input.id}, ${input.workspaceId}, ${input.botId}, ${input.sessionId}, ${input.channelId}, ${input.contact}, ${input.key}, ${input.name},
      ${toJsonText(input.call)}::jsonb, 'pending')`,
  );
  return Prisma.sql`
    INSERT INTO "SessionCall" ("id", "workspaceId", "botId", "sessionId", "channelId", "contact", "key", "name", "call", "status")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("sessionId", "key") DO NOTHING`;
}

/**
 * Marks stored results applied and clears request and result (markSessionCallsApplied;
 * also part of writeTurnBatch). By primary key only: the status guard is written
 * `IS TRUE` so that the (status, createdAt) index cannot be searched instead, which
 * would read every workspace's unapplied results (see markInboundProcessedStatement).
 */
export function markSessionCallsAppliedStatement(ids: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    UPDATE "SessionCall" SET "status" = 'applied', "appliedAt" = ${new Date()}, "call" = '{}'::jsonb, "result" = NULL
    WHERE "id" = ANY(${[...ids]}::text[]) AND ("status" = 'done') IS TRUE`;
}

/**
 * Each contact's stored call results not yet fed to its session ('done'), in the
 * order they finished, in one statement. Read under the contacts' locks by the turn
 * that applies them.
 */
export async function listDoneSessionCallsOfContacts(tx: SqlClient, contacts: readonly { channelId: string; contact: string }[]): Promise<SessionCall[]> {
  if (contacts.length === 0) return [];
  const rows = await tx.$queryRaw<SessionCallRow[]>`
    SELECT * FROM "SessionCall"
    WHERE "status" = 'done' AND ("channelId", "contact") IN (VALUES ${Prisma.join(contacts.map((ref) => Prisma.sql`(${ref.channelId}, ${ref.contact})`))})
    ORDER BY "completedAt", "id"`;
  return rows.map(toSessionCall);
}
