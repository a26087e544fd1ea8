import { listPendingOutbound, listContactsWithUnprocessedInbound } from '@parley/db';
import { enqueueInbound, enqueueOutbound, type Queues } from '@parley/queue';
import type { RunnerContext } from './runner-context';

/**
 * Re-creates queue work from Postgres, the source of truth: every contact with
 * unprocessed inbound messages gets an inbox job, every pending outbound
 * message a delivery job. Idempotent (deterministic job ids, idempotent
 * consumers), so it is safe to run at start-up and periodically.
 */
export async function reconcile(ctx: RunnerContext, queues: Queues): Promise<{ inbound: number; outbound: number }> {
  const contacts = await listContactsWithUnprocessedInbound(ctx.db, 1000);
  for (const { channelId, contact, firstMessageId } of contacts) {
    await enqueueInbound(queues, { channelId, contact }, firstMessageId);
  }
  const outbound = await listPendingOutbound(ctx.db, 1000);
  for (const message of outbound) await enqueueOutbound(queues, { messageId: message.id });
  return { inbound: contacts.length, outbound: outbound.length };
}
