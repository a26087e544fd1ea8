import { openConversation, recordAnalyticsEvent, type Tx } from '@parley/db';
import type { Call } from '@parley/elements';
import type { CallContext, CallResult } from './call-executor';

/**
 * `handoff`: puts this session's conversation in the agent inbox: status 'open' (or kept
 * 'assigned'), `queue` (none: keeps the conversation's queue, i.e. the default queue),
 * and `tags` added (those the Inbox does not define are created there, reported in
 * `createdTags`). Records a 'conversation.handoff' analytics event carrying the agent
 * note (`message`), if any. Result: `{ conversationId, createdTags }`.
 */
export async function executeHandoff(tx: Tx, ctx: CallContext, call: Extract<Call, { name: 'handoff' }>): Promise<CallResult> {
  const { conversation, createdTags } = await openConversation(tx, {
    workspaceId: ctx.workspaceId,
    sessionId: ctx.sessionId,
    channelId: ctx.channelId,
    queue: call.queue ?? null,
    tags: call.tags,
  });
  await recordAnalyticsEvent(tx, {
    workspaceId: ctx.workspaceId,
    botId: ctx.botId,
    sessionId: ctx.sessionId,
    type: 'conversation.handoff',
    payload: {
      conversationId: conversation.id,
      queue: conversation.queue,
      tags: conversation.tags,
      createdTags,
      ...(call.message === undefined ? {} : { note: call.message }),
    },
  });
  return { ok: true, result: { conversationId: conversation.id, createdTags } };
}
