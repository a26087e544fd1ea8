import type { Tx } from './create-db';
import { toMessage, type Message } from './to-message';

/** An inbound or outbound message by id, or null. */
export async function getMessage(db: Tx, id: string): Promise<Message | null> {
  const row = await db.message.findUnique({ where: { id } });
  return row ? toMessage(row) : null;
}
