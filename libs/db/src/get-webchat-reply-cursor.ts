import type { Tx } from './create-db';

/**
 * The seq up to which a web chat visitor's replies are settled: every outbound
 * message of (channelId, contact) with seq <= cursor is sent or failed. That is
 * the seq just before the oldest still-pending reply, or the newest reply's
 * seq when none is pending (0 when there are none). Replies are streamed in seq
 * order from here, so a pending one is never overtaken by a later one.
 */
export async function getWebchatReplyCursor(db: Tx, channelId: string, contact: string): Promise<bigint> {
  const pending = await db.message.findFirst({
    where: { channelId, contact, direction: 'outbound', status: 'pending' },
    orderBy: { seq: 'asc' },
    select: { seq: true },
  });
  if (pending) return pending.seq - 1n;
  const newest = await db.message.aggregate({
    where: { channelId, contact, direction: 'outbound' },
    _max: { seq: true },
  });
  return newest._max.seq ?? 0n;
}
