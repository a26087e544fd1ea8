import { getSessionExpiry } from '@parley/db';
import type { TimerJob } from '@parley/queue';
import { emptyEffects, type Effects } from './effects';
import type { RunnerContext } from './runner-context';
import { runTurn } from './turns/run-turns';

/**
 * The cheap first look at a session's expiry wake-up (see scheduleExpiryWakeUp). Turns
 * keep moving Session.expiresAt later without touching the job, so:
 * - the session ended, or is gone: effects with nothing to do (null is never returned then);
 * - it expires later than now: effects with `deferUntil` = its expiresAt (the job waits again);
 * - it is due: null — run the wake-up's turn (runTurns), which reads it again under the
 *   contact's lock and feeds the engine `timer.fired` for the expiry timer its state holds,
 *   exactly as a per-turn expiry timer would have fired.
 * One read and no lock: the common case (not due) costs nothing more.
 */
export async function expiryWakeUpPrecheck(ctx: RunnerContext, job: TimerJob): Promise<Effects | null> {
  const expiry = await getSessionExpiry(ctx.db, job.sessionId);
  if (!expiry || expiry.status !== 'active' || expiry.expiresAt === null) return emptyEffects();
  if (expiry.expiresAt.getTime() > ctx.clock()) return { ...emptyEffects(), deferUntil: expiry.expiresAt.getTime() };
  return null;
}

/** An expiry wake-up, alone: the first look, then its turn when the session is due. */
export async function processExpiryWakeUp(ctx: RunnerContext, job: TimerJob): Promise<Effects> {
  return (await expiryWakeUpPrecheck(ctx, job)) ?? runTurn(ctx, { kind: 'timer', job });
}
