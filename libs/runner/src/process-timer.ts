import { findActiveSession, fireSessionTimer, withContactLock } from '@parley/db';
import type { TimerJob } from '@parley/queue';
import { emptyEffects, type Effects } from './effects';
import { turnTransactionTimeoutMs, type RunnerContext } from './runner-context';
import { runTurnChain } from './run-turn';

/**
 * A timer came due. Under the contact's lock (so it is ordered with that
 * contact's messages), mark its SessionTimer row fired and feed `timer.fired` to
 * the engine if the session that set it is still the active one — all in one
 * transaction. Idempotent: a timer already fired or cancelled does nothing (a
 * repeated job, or one the reconciler re-created), and the engine itself ignores
 * a timer id it no longer waits for, so a timer that fires after the user
 * already answered does nothing either.
 */
export async function processTimer(ctx: RunnerContext, job: TimerJob): Promise<Effects> {
  return withContactLock(
    ctx.db,
    job.channelId,
    job.contact,
    async (tx) => {
      const effects = emptyEffects();
      const fired = await fireSessionTimer(tx, job.sessionId, job.timerId);
      if (fired === 'settled') {
        ctx.logger.debug({ sessionId: job.sessionId, timerId: job.timerId }, 'timer already fired or cancelled');
        return effects;
      }
      const session = await findActiveSession(tx, job.channelId, job.contact);
      if (!session || session.id !== job.sessionId) return effects;
      await runTurnChain(tx, ctx, session, { type: 'timer.fired', timerId: job.timerId }, effects);
      ctx.logger.info({ sessionId: session.id, timerId: job.timerId, kind: job.kind }, 'timer fired');
      return effects;
    },
    { timeoutMs: turnTransactionTimeoutMs },
  );
}
