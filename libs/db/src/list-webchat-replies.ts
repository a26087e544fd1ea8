import type { Tx } from './create-db';
import { toMessage, type Message } from './to-message';

export type ListWebchatRepliesInput = {
  channelId: string;
  contact: string;
  /** Only replies with a greater seq (the client's Last-Event-ID). */
  afterSeq: bigint;
  /** At most this many rows are read per call (default 100). */
  limit?: number;
};

/**
 * A web chat visitor's delivered replies after `afterSeq`, in seq order, and
 * the new cursor. Stops at the first reply still pending, so replies are only
 * ever handed out in order even when deliveries finish out of order; failed
 * replies are stepped over. Call again with the returned cursor until
 * `messages` is empty to drain a long backlog.
 */
export async function listWebchatReplies(db: Tx, input: ListWebchatRepliesInput): Promise<{ messages: Message[]; cursor: bigint }> {
  const rows = await db.message.findMany({
    where: { channelId: input.channelId, contact: input.contact, direction: 'outbound', seq: { gt: input.afterSeq } },
    orderBy: { seq: 'asc' },
    take: input.limit ?? 100,
  });
  const messages: Message[] = [];
  let cursor = input.afterSeq;
  for (const row of rows) {
    if (row.status === 'pending') break;
    cursor = row.seq;
    if (row.status === 'sent') messages.push(toMessage(row));
  }
  return { messages, cursor };
}
