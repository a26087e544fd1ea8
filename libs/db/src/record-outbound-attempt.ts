import type { Tx } from './create-db';
import { toMessage, type Message } from './to-message';

/**
 * Counts one delivery attempt (attempts + 1, atomically), before the request
 * goes out so that crashed attempts count too. Returns the row, or null if
 * there is no such outbound message.
 */
export async function recordOutboundAttempt(db: Tx, id: string): Promise<Message | null> {
  const [row] = await db.message.updateManyAndReturn({
    where: { id, direction: 'outbound' },
    data: { attempts: { increment: 1 } },
  });
  return row ? toMessage(row) : null;
}
