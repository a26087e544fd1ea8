import { migrateSessionState } from '@parley/engine';
import { findActiveSession, getSessionExpiry, withContactLock } from '@parley/db';
import type { TimerJob } from '@parley/queue';
import { emptyEffects, type Effects } from './effects';
import { turnTransactionTimeoutMs, type RunnerContext } from './runner-context';
import { runTurnChain } from './run-turn';

/**
 * A session's expiry wake-up came due (see scheduleExpiryWakeUp). Turns keep
 * moving Session.expiresAt later without touching the job, so:
 * - the session ended, or is gone: nothing to do;
 * - it expires later than now (it was active meanwhile): the effects carry
 *   `deferUntil` = its expiresAt, and the job waits again until then;
 * - it is due: under the contact's lock (ordered with its messages), and after
 *   reading it again, the engine gets `timer.fired` for the expiry timer its state
 *   holds, exactly as a per-turn expiry timer would have fired, and the session
 *   expires (its Session Expire dialog runs first, if the bot has one).
 * Idempotent: a repeated or late job finds the session ended or not yet due.
 * The common case (not due) costs one read and no lock.
 */
export async function processExpiryWakeUp(ctx: RunnerContext, job: TimerJob): Promise<Effects> {
  const effects = emptyEffects();
  const expiry = await getSessionExpiry(ctx.db, job.sessionId);
  if (!expiry || expiry.status !== 'active' || expiry.expiresAt === null) return effects;
  if (expiry.expiresAt.getTime() > ctx.clock()) return { ...effects, deferUntil: expiry.expiresAt.getTime() };
  return withContactLock(
    ctx.db,
    job.channelId,
    job.contact,
    async (tx) => {
      const session = await findActiveSession(tx, job.channelId, job.contact);
      if (!session || session.id !== job.sessionId || session.expiresAt === null) return effects;
      if (session.expiresAt.getTime() > ctx.clock()) return { ...effects, deferUntil: session.expiresAt.getTime() };
      const timerId = migrateSessionState(session.state).expiryTimerId;
      if (timerId === null) return effects;
      const turn = await runTurnChain(tx, ctx, session, { type: 'timer.fired', timerId }, effects);
      ctx.logger.info({ sessionId: session.id, timerId, active: turn.active }, 'session expiry fired');
      return effects;
    },
    { timeoutMs: turnTransactionTimeoutMs },
  );
}
