import { recordAnalyticsEvent, type Tx } from '@parley/db';
import type { Call } from '@parley/elements';
import type { CallContext, CallResult } from './call-executor';

/** `analytics.event`: stores one analytics event for this session's bot (fire-and-forget for the element). */
export async function executeAnalyticsEvent(
  tx: Tx,
  ctx: CallContext,
  call: Extract<Call, { name: 'analytics.event' }>,
): Promise<CallResult> {
  const event = await recordAnalyticsEvent(tx, {
    workspaceId: ctx.workspaceId,
    botId: ctx.botId,
    sessionId: ctx.sessionId,
    type: call.type,
    payload: call.payload,
  });
  return { ok: true, result: { id: event.id } };
}
