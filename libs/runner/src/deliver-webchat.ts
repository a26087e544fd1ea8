import { webchatEventsChannel, type WebchatDeliveredNotice } from '@parley/channels';
import { markOutboundSent, type Message } from '@parley/db';
import type { RunnerContext } from './runner-context';

/** What became of one web chat reply: sent (announced), or failed for good. */
export type WebchatDeliveryOutcome = { kind: 'sent'; attempts: number } | { kind: 'failed'; error: string };

/**
 * Delivers one web chat reply (the outbound delivery calls it with the claimed
 * message, whose `attempts` already counts this attempt). There is no provider
 * to call: the reply is delivered once it is stored (it already is), marked
 * sent, and announced on the prefix's web chat pub/sub channel as
 * `{ channelId, contact, seq }`. Every API process subscribes and pushes it to
 * that visitor's open event streams, reading the reply from Postgres; visitors
 * not connected get it from the history or by replaying from their Last-Event-ID.
 * Marks sent before publishing, so a subscriber reading on the notice finds it
 * sent. A failed publish throws after the mark (streams catch up on their next
 * notice, reconnect or the API's resubscribe). Without `ctx.redis` the reply
 * fails permanently: the runner is not set up for web chat.
 */
export async function deliverWebchat(ctx: RunnerContext, message: Message): Promise<WebchatDeliveryOutcome> {
  if (!ctx.redis) return { kind: 'failed', error: 'web chat delivery needs a Redis publisher (RunnerContext.redis)' };
  const sent = await markOutboundSent(ctx.db, message.id);
  if (sent?.status !== 'sent') return { kind: 'failed', error: `web chat reply ${message.id} is ${sent ? sent.status : 'gone'}` };
  const notice: WebchatDeliveredNotice = { channelId: message.channelId, contact: message.contact, seq: message.seq.toString() };
  const listeners = await ctx.redis.connection.publish(webchatEventsChannel(ctx.redis.prefix), JSON.stringify(notice));
  ctx.logger.info({ sessionId: message.sessionId, messageId: message.id, listeners }, 'web chat reply delivered');
  return { kind: 'sent', attempts: sent.attempts };
}
