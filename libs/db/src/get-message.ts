import type { Tx } from './create-db';
import type { Message as MessageRow } from './generated/client';
import { toMessage, type Message } from './to-message';

/**
 * An inbound or outbound message by id, or null.
 * Raw SQL on purpose: a reply delivery's hot path (see insertInboundMessages).
 */
export async function getMessage(db: Tx, id: string): Promise<Message | null> {
  const [row] = await db.$queryRaw<MessageRow[]>`SELECT * FROM "Message" WHERE "id" = ${id}`;
  return row ? toMessage(row) : null;
}
