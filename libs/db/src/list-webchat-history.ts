import type { Tx } from './create-db';
import { getWebchatReplyCursor } from './get-webchat-reply-cursor';
import { toMessage, type Message } from './to-message';

/**
 * The newest `limit` messages (default 50, at most 200) of a web chat visitor,
 * oldest first: everything they sent, and the bot's replies delivered up to
 * the reply cursor (see getWebchatReplyCursor). `cursor` is the Last-Event-ID
 * to stream from next, so a reply is shown either here or on the stream,
 * never both and never neither.
 */
export async function listWebchatHistory(
  db: Tx,
  input: { channelId: string; contact: string; limit?: number },
): Promise<{ messages: Message[]; cursor: bigint }> {
  const cursor = await getWebchatReplyCursor(db, input.channelId, input.contact);
  const rows = await db.message.findMany({
    where: {
      channelId: input.channelId,
      contact: input.contact,
      OR: [{ direction: 'inbound' }, { direction: 'outbound', status: 'sent', seq: { lte: cursor } }],
    },
    orderBy: { seq: 'desc' },
    take: Math.min(Math.max(input.limit ?? 50, 1), 200),
  });
  return { messages: rows.reverse().map(toMessage), cursor };
}
