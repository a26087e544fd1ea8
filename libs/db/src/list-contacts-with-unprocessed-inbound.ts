import { z } from 'zod';
import type { Tx } from './create-db';

export const contactWithUnprocessedInboundSchema = z.object({
  channelId: z.string(),
  contact: z.string(),
  workspaceId: z.string(),
  /** Id of the contact's oldest unprocessed inbound message. */
  firstMessageId: z.string(),
});
export type ContactWithUnprocessedInbound = z.infer<typeof contactWithUnprocessedInboundSchema>;

/**
 * Every (channel, contact) that has inbound messages still 'received', with
 * its oldest such message; the contacts waiting longest come first, at most
 * `limit`. Lets a worker rebuild lost queue jobs from the inbox, the source of
 * truth. Reads only unprocessed rows (index on direction, status, seq).
 * `storedBefore`: only contacts whose oldest unprocessed message is older.
 */
export async function listContactsWithUnprocessedInbound(db: Tx, limit: number, storedBefore?: Date): Promise<ContactWithUnprocessedInbound[]> {
  const rows = await db.$queryRaw`
    SELECT "channelId", "contact", "workspaceId", "id" AS "firstMessageId"
    FROM (
      SELECT DISTINCT ON ("channelId", "contact") "channelId", "contact", "workspaceId", "id", "seq", "createdAt"
      FROM "Message"
      WHERE "direction" = 'inbound' AND "status" = 'received'
      ORDER BY "channelId", "contact", "seq"
    ) AS "firsts"
    WHERE ${storedBefore ?? null}::timestamp IS NULL OR "createdAt" < ${storedBefore ?? null}::timestamp
    ORDER BY "seq"
    LIMIT ${limit}`;
  return contactWithUnprocessedInboundSchema.array().parse(rows);
}
