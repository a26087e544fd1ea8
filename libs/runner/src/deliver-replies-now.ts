import type { ContactRef, Message } from '@parley/db';
import type { Queues } from '@parley/queue';
import { deliverOutbound } from './deliver-outbound';
import { dispatchEffects } from './dispatch-effects';
import { emptyEffects, type Effects } from './effects';
import type { RunnerContext } from './runner-context';

/**
 * Delivers a committed turn's replies to one contact right away, in the job that
 * produced them, instead of through one queued delivery job each (a queue round
 * trip and a job's bookkeeping saved per reply). `messageIds` are the turn's new
 * pending replies of `contact`, in order.
 *
 * The contact's earliest pending reply goes first (deliverOutbound's claim), so
 * delivering the last of them sends the earlier ones too, in order. Returns the
 * ids still to hand to the outbound queue: none when the last reply is settled
 * (sent, or failed for good); all of them when delivery must wait (an earlier
 * reply in flight elsewhere or backing off, a retry after a failure) or Postgres
 * failed — the queued jobs then deliver them exactly as before. A crash before
 * or during this call loses nothing: the replies are stored as pending, and the
 * reconciler queues them. `leased`: the first of them, stored already claimed by this
 * worker (Effects.leasedReplies): it goes first without a claim (a crash leaves it held
 * until its lease runs out, as a crash after a claim does).
 */
export async function deliverRepliesNow(ctx: RunnerContext, contact: ContactRef, messageIds: readonly string[], leased?: Message): Promise<string[]> {
  const last = messageIds.at(-1);
  if (last === undefined) return [];
  try {
    const job = { messageId: last, channelId: contact.channelId, contact: contact.contact };
    const result = await deliverOutbound(ctx, job, undefined, { drainAfterOwn: false, ...(leased ? { leased } : {}) });
    if (result.kind === 'sent' || result.kind === 'already-sent' || result.kind === 'permanent-failure') return [];
  } catch (error) {
    ctx.logger.warn({ err: error instanceof Error ? error.message : String(error), messageId: last }, 'immediate delivery failed; queueing it');
  }
  return [...messageIds];
}

/**
 * A committed turn's effects for one contact: its replies delivered right away
 * (deliverRepliesNow; those that must wait are queued), timers scheduled and
 * cancelled meanwhile (dispatchEffects).
 */
export async function dispatchTurnEffects(ctx: RunnerContext, queues: Queues, contact: ContactRef, effects: Effects): Promise<void> {
  const leased = effects.leasedReplies.find((reply) => reply.channelId === contact.channelId && reply.contact === contact.contact);
  const [queued] = await Promise.all([
    deliverRepliesNow(ctx, contact, effects.outboundMessageIds, leased),
    dispatchEffects(queues, { ...effects, outboundMessageIds: [] }, ctx.clock(), ctx.timerHorizonMs),
  ]);
  if (queued.length > 0) await dispatchEffects(queues, { ...emptyEffects(), outboundMessageIds: queued }, ctx.clock());
}
