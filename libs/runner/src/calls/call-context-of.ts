import type { RunnerContext } from '../runner-context';
import type { CallOwner } from '../turn-writes';
import type { CallContext } from './call-executor';

/**
 * The executor's context for a call made for `owner` at `now`, from the runner's
 * services; `idempotencyKey` for calls run from the calls queue (see processCall).
 */
export function callContextOf(ctx: RunnerContext, owner: CallOwner, now: number, idempotencyKey?: string): CallContext {
  return {
    workspaceId: owner.workspaceId,
    botId: owner.botId,
    sessionId: owner.sessionId,
    channelId: owner.channelId,
    contact: owner.contact,
    now,
    secretKey: ctx.secretKey,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(ctx.rateLimit ? { rateLimit: ctx.rateLimit } : {}),
    ...(ctx.egress?.elements ? { egress: ctx.egress.elements } : {}),
  };
}
