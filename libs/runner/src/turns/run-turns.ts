import { contactLockKey, lockContacts, tryLockContacts, withSqlTransaction } from '@parley/db';
import { expiryWakeUpKind } from '@parley/queue';
import { emptyEffects, type Effects } from '../effects';
import { defaultDeliverySettings, turnTransactionTimeoutMs, type RunnerContext } from '../runner-context';
import { contactKey, loadTurnInputs, type ContactWork } from './load-turn-inputs';
import { planContactTurns } from './plan-contact-turns';
import type { TurnSource } from './turn-source';
import { writeTurnPlans } from './write-turn-plans';

/**
 * The one turn pipeline, whatever asked for the turn (an inbound message, a stored call
 * result, a timer, an expiry wake-up) and for however many contacts, in one transaction:
 *
 *   lock the contacts → load (loadTurnInputs) → decide (planContactTurns, pure)
 *   → write (writeTurnPlans: one statement) → commit → the caller dispatches the effects
 *
 * Calls never run here: a turn that reaches one stores it and the session waits; the
 * call runs from the calls queue (processCall) and its result is a later turn. So a turn
 * is database work only, and a busy lock is the only reason a contact waits:
 * - `waitForLocks` false (a batch): a contact whose lock another transaction holds is
 *   left untouched and its sources get null: run them again with `waitForLocks`;
 * - `waitForLocks` true: waits for every lock (never null).
 * Repeating a source is harmless: an inbox already drained, a timer already fired or a
 * result already applied does nothing (this is what makes BullMQ's at-least-once
 * delivery safe). Returns, per source in input order, the effects to dispatch after
 * commit: the contact's effects go with its first source, the others get empty effects,
 * except `deferUntil` — an inbox source while the batching window is open, a wake-up
 * whose session now expires later — which each such source carries: run it again then.
 * `leaseReplies`: each contact's first reply is stored already claimed for this caller's
 * delivery (the effects' `leasedReplies`, see writeTurnPlans): only for a caller that
 * dispatches the effects with dispatchTurnEffects right after.
 * Throws (nothing written) if a session's version moved on underneath it.
 */
export async function runTurns(ctx: RunnerContext, sources: readonly TurnSource[], options: TurnOptions): Promise<(Effects | null)[]> {
  const results: (Effects | null)[] = sources.map(() => emptyEffects());
  const works = new Map<string, ContactWork & { sources: number[] }>();
  sources.forEach((source, index) => {
    const ref = { channelId: source.job.channelId, contact: source.job.contact };
    let work = works.get(contactKey(ref));
    if (!work) {
      work = { ref, callResult: false, timers: [], wakeUps: [], sources: [] };
      works.set(contactKey(ref), work);
    }
    work.sources.push(index);
    if (source.kind === 'inbox') work.callResult ||= source.job.callId !== undefined;
    else if (source.job.kind === expiryWakeUpKind) work.wakeUps.push(source.job);
    else work.timers.push(source.job);
  });

  return withSqlTransaction(
    ctx.db,
    async (tx) => {
      let mine = [...works.values()];
      if (options.waitForLocks) await lockContacts(tx, mine.map((work) => work.ref));
      else {
        const locked = await tryLockContacts(tx, mine.map((work) => work.ref));
        for (const work of mine) if (!locked.has(contactLockKey(work.ref))) for (const index of work.sources) results[index] = null;
        mine = mine.filter((work) => locked.has(contactLockKey(work.ref)));
      }
      const inputs = await loadTurnInputs(tx, ctx, mine);
      const plans = inputs.map(planContactTurns);
      const leaseMs = options.leaseReplies ? (ctx.delivery?.leaseMs ?? defaultDeliverySettings.leaseMs) : undefined;
      const effects = await writeTurnPlans(tx, inputs, plans, leaseMs === undefined ? {} : { leaseMs });
      mine.forEach((work, index) => {
        const plan = plans[index];
        const [first] = work.sources;
        if (!plan || first === undefined) return;
        results[first] = effects[index] ?? emptyEffects();
        for (const sourceIndex of work.sources) {
          const source = sources[sourceIndex];
          const result = results[sourceIndex];
          if (!source || !result) continue;
          if (source.kind === 'inbox' && plan.deferMessagesUntil !== undefined) result.deferUntil = plan.deferMessagesUntil;
          if (source.kind === 'timer' && source.job.kind === expiryWakeUpKind) {
            const session = plan.sessions.find((each) => each.row.id === source.job.sessionId);
            if (session?.status === 'active' && session.expiresAt && session.expiresAt.getTime() > ctx.clock()) result.deferUntil = session.expiresAt.getTime();
          }
        }
        for (const { sessionId, note, detail } of plan.notes) ctx.logger.info({ ...work.ref, sessionId, ...detail }, note);
        for (const session of plan.sessions) {
          if (session.turns === 0) continue;
          ctx.logger.info({ sessionId: session.row.id, turns: session.turns, status: session.status, batch: works.size }, 'turn processed');
        }
      });
      return results;
    },
    { statementTimeoutMs: turnTransactionTimeoutMs },
  );
}

export type TurnOptions = { waitForLocks: boolean; leaseReplies?: boolean };

/** runTurns for one source, waiting for its contact's lock. */
export async function runTurn(ctx: RunnerContext, source: TurnSource, options: { leaseReplies?: boolean } = {}): Promise<Effects> {
  const [effects] = await runTurns(ctx, [source], { ...options, waitForLocks: true });
  return effects ?? emptyEffects();
}
