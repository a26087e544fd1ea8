import type { Tx } from './create-db';
import type { SqlClient } from './sql-client';
import { Prisma, type Message as MessageRow } from './generated/client';
import type { ContactRef } from './lock-contacts';
import { toMessage, type Message } from './to-message';

/**
 * The contact's inbound messages not yet processed, oldest first (seq order).
 * Call it under withContactLock so the list cannot change underneath you.
 */
export async function listUnprocessedInbound(tx: Tx, channelId: string, contact: string): Promise<Message[]> {
  return listUnprocessedInboundOfContacts(tx, [{ channelId, contact }]);
}

/**
 * listUnprocessedInbound for many contacts in one statement: all their
 * unprocessed inbound messages, oldest first (seq order; a contact's messages
 * keep their order). Call it holding the contacts' locks (lockContacts).
 * Raw SQL on purpose: a bot turn's hot path (see insertInboundMessages).
 */
export async function listUnprocessedInboundOfContacts(tx: SqlClient, contacts: readonly ContactRef[]): Promise<Message[]> {
  if (contacts.length === 0) return [];
  const pairs = contacts.map((ref) => Prisma.sql`(${ref.channelId}, ${ref.contact})`);
  const rows = await tx.$queryRaw<MessageRow[]>`
    SELECT * FROM "Message"
    WHERE ("channelId", "contact") IN (${Prisma.join(pairs)}) AND "direction" = 'inbound' AND "status" = 'received'
    ORDER BY "seq" ASC`;
  return rows.map(toMessage);
}
