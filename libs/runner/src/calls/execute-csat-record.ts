import { recordAnalyticsEvent, recordCsatResponse, type Tx } from '@parley/db';
import type { Call } from '@parley/elements';
import type { CallContext, CallResult } from './call-executor';

/**
 * `csat.record`: stores the answered survey as a CsatResponse (scale, score, feedback) and
 * a 'csat.answered' analytics event `{ scale, score, satisfied, feedback: boolean }` (the
 * feedback text stays in the CsatResponse). Result: `{ responseId }`.
 */
export async function executeCsatRecord(tx: Tx, ctx: CallContext, call: Extract<Call, { name: 'csat.record' }>): Promise<CallResult> {
  const response = await recordCsatResponse(tx, {
    workspaceId: ctx.workspaceId,
    botId: ctx.botId,
    sessionId: ctx.sessionId,
    scale: call.scale,
    score: call.score,
    feedback: call.feedback ?? null,
  });
  await recordAnalyticsEvent(tx, {
    workspaceId: ctx.workspaceId,
    botId: ctx.botId,
    sessionId: ctx.sessionId,
    type: 'csat.answered',
    payload: { scale: call.scale, score: call.score, satisfied: call.satisfied, feedback: call.feedback !== undefined },
  });
  return { ok: true, result: { responseId: response.id } };
}
