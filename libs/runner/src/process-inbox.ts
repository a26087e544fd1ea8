import type { EngineEvent } from '@parley/engine';
import {
  createSession,
  findAgentConversation,
  findActiveSession,
  getLatestVersion,
  listDoneSessionCallsOfContacts,
  listUnprocessedInbound,
  markInboundProcessed,
  markSessionCallsApplied,
  recordAnalyticsEvent,
  withContactLock,
  type Message,
  type Tx,
} from '@parley/db';
import type { InboundJob } from '@parley/queue';
import { emptyEffects, type Effects } from './effects';
import { turnTransactionTimeoutMs, type RunnerContext } from './runner-context';
import { callResultEventOf } from './calls/call-result-event-of';
import { runTurnChain, type SessionRow } from './run-turn';

/**
 * Drains one contact's inbox: every unprocessed inbound message, in arrival
 * (seq) order, one engine turn each, all in one transaction that holds the
 * contact's lock. Two workers handling the same contact therefore serialize,
 * and a job for an already-drained inbox is a no-op — which is what makes
 * BullMQ's at-least-once delivery safe. A message for a contact with no active
 * session starts one on the bot's latest published version.
 *
 * With `ctx.inboxBatchWindowMs` > 0, messages a contact sends in quick
 * succession become one turn: while the newest unprocessed message is younger
 * than the window (and the oldest younger than three windows, so a contact who
 * keeps typing is still answered), nothing is processed and the effects carry
 * `deferUntil`; after that, all unprocessed messages are one `user.message`
 * whose text is theirs joined by newlines (id and time of the last one).
 * A job with `callId` (a stored call result, see processCall) first feeds the
 * contact's stored call results to its session, in the order they finished, each
 * once (marked applied in the same transaction); a result for a session that ended
 * meanwhile is marked applied and dropped. Messages that arrived while the session
 * waited for the call were buffered by the engine and are answered now.
 * Returns the effects to dispatch after commit.
 */
export async function processInbox(ctx: RunnerContext, job: InboundJob): Promise<Effects> {
  return withContactLock(
    ctx.db,
    job.channelId,
    job.contact,
    async (tx) => {
      const effects = emptyEffects();
      if (job.callId !== undefined) await applyCallResults(tx, ctx, job, effects);
      const pending = await listUnprocessedInbound(tx, job.channelId, job.contact);
      if (pending.length === 0) return effects;
      const window = ctx.inboxBatchWindowMs ?? 0;
      const first = pending[0];
      const last = pending[pending.length - 1];
      if (window > 0 && first && last) {
        const until = Math.min(last.createdAt.getTime() + window, first.createdAt.getTime() + 3 * window);
        if (ctx.clock() < until) return { ...effects, deferUntil: until };
      }
      let session: SessionRow | null = await findActiveSession(tx, job.channelId, job.contact);
      const channelType = (await ctx.channels.get(tx, job.channelId))?.type ?? 'http';
      const groups = window > 0 ? [pending] : pending.map((message) => [message]);
      for (const group of groups) {
        const message = group[group.length - 1];
        if (!message) continue;
        const ids = group.map((each) => each.id);
        const event = userMessageEvent(group, message, job.contact, channelType);
        let fresh = false;
        if (!session) {
          const withAgent = await findAgentConversation(tx, job.channelId, job.contact);
          if (withAgent) {
            // Handed over to a human: the message is for the agent inbox, not a new bot session.
            await markInboundProcessed(tx, ids, null);
            for (const routed of group) {
              await recordAnalyticsEvent(tx, {
                workspaceId: withAgent.workspaceId,
                type: 'conversation.message',
                payload: { conversationId: withAgent.id, messageId: routed.id },
              });
              ctx.logger.info({ conversationId: withAgent.id, messageId: routed.id }, 'message routed to the agent conversation');
            }
            continue;
          }
          session = await startSession(tx, ctx, job);
          fresh = true;
        }
        if (!session) {
          ctx.logger.warn({ channelId: job.channelId, messageId: message.id }, 'no published bot version: message not answered');
          await markInboundProcessed(tx, ids, null);
          continue;
        }
        const log = ctx.logger.child({ sessionId: session.id, messageId: message.id });
        const turn = await runTurnChain(tx, ctx, session, event, effects, fresh);
        await markInboundProcessed(tx, ids, session.id);
        log.info({ active: turn.active, replies: effects.outboundMessageIds.length, messages: ids.length }, 'turn processed');
        session = turn.active ? turn.session : null;
      }
      return effects;
    },
    { timeoutMs: turnTransactionTimeoutMs },
  );
}

/** Feeds the contact's stored call results to its active session (see processInbox). */
async function applyCallResults(tx: Tx, ctx: RunnerContext, job: InboundJob, effects: Effects): Promise<void> {
  const done = await listDoneSessionCallsOfContacts(tx, [job]);
  if (done.length === 0) return;
  let session: SessionRow | null = await findActiveSession(tx, job.channelId, job.contact);
  for (const call of done) {
    if (!session || session.id !== call.sessionId) {
      ctx.logger.info({ sessionId: call.sessionId, callId: call.id }, 'call result for a session that ended: dropped');
      continue;
    }
    const event = callResultEventOf(call);
    const turn = await runTurnChain(tx, ctx, session, event, effects);
    ctx.logger.info({ sessionId: session.id, callId: call.id, call: call.name, ok: event.ok, active: turn.active }, 'call result applied');
    session = turn.active ? turn.session : null;
  }
  await markSessionCallsApplied(tx, done.map((call) => call.id));
}

async function startSession(tx: Tx, ctx: RunnerContext, job: InboundJob): Promise<SessionRow | null> {
  const channel = await ctx.channels.get(tx, job.channelId);
  if (!channel || !channel.botId) return null;
  const version = await getLatestVersion(tx, channel.botId);
  if (!version) return null;
  const row = await createSession(tx, {
    workspaceId: channel.workspaceId,
    botId: channel.botId,
    botVersionId: version.id,
    channelId: job.channelId,
    contact: job.contact,
    state: {},
  });
  await recordAnalyticsEvent(tx, {
    workspaceId: channel.workspaceId,
    botId: channel.botId,
    sessionId: row.id,
    type: 'session.started',
    payload: { botVersion: version.number },
  });
  return row;
}

/**
 * The engine event for one turn: the inbound messages of `group` (one, or
 * several joined by newlines when batched), with the id and time of `last`.
 */
export function userMessageEvent(group: readonly Message[], last: Message, contact: string, channel: string): EngineEvent {
  return {
    type: 'user.message',
    messageId: last.id,
    text: group.map((each) => each.text ?? '').join('\n'),
    receivedAt: last.createdAt.getTime(),
    contact,
    channel,
  };
}
