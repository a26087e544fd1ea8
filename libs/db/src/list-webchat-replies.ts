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
 * replies are stepped over. `more` says a full page was read past (a long
 * backlog): call again with the returned cursor; otherwise nothing further is
 * ready now, and one query was all it cost.
 */
export async function listWebchatReplies(db: Tx, input: ListWebchatRepliesInput): Promise<{ messages: Message[]; cursor: bigint; more: boolean }> {
  const limit = input.limit ?? 100;
  const rows = await db.message.findMany({
    where: { channelId: input.channelId, contact: input.contact, direction: 'outbound', seq: { gt: input.afterSeq } },
    orderBy: { seq: 'asc' },
    take: limit,
  });
  const messages: Message[] = [];
  let cursor = input.afterSeq;
  let stopped = false;
  for (const row of rows) {
    if (row.status === 'pending') {
      stopped = true;
      break;
    }
    cursor = row.seq;
    if (row.status === 'sent') messages.push(toMessage(row));
  }
  return { messages, cursor, more: !stopped && rows.length === limit };
}
