import { migrateSessionState, step, type SessionState } from '@parley/engine';
import {
  findActiveSessions,
  listUnprocessedInboundOfContacts,
  tryLockContacts,
  contactLockKey,
  type ArmSessionTimerInput,
  type ContactRef,
  type InsertOutboundMessageInput,
  type Message,
  withSqlTransaction,
  writeTurnBatch,
  type SqlClient,
} from '@parley/db';
import type { InboundJob } from '@parley/queue';
import { emptyEffects, type Effects } from './effects';
import { personScopedNames } from './person-attributes';
import { userMessageEvent } from './process-inbox';
import type { RunnerContext } from './runner-context';
import type { SessionRow } from './run-turn';
import { outboundOfSend, timerWriteOf } from './turn-writes';

/**
 * processInbox for many contacts' inbox jobs at once, in one transaction holding
 * their locks, with one statement for all the batch's writes (replies, timers
 * armed and cancelled, sessions, messages processed: writeTurnBatch): the round
 * trips of a turn are shared by every contact in the batch.
 *
 * Only plain turns are taken: an active session whose every turn here only
 * sends replies, sets or cancels timers and changes session-scoped attributes
 * (the common case: a question answered, the next one asked). A contact needing
 * anything else — a new session, an agent conversation, a call (API, Code,
 * profile, CSAT ...), a change of a person-scoped attribute, the end of the
 * session — is left untouched
 * (nothing of it is written) and its job gets `null`: run processInbox for it,
 * in its own transaction, so a slow call never holds up the batch. So is a
 * contact whose lock another transaction holds (a turn of it running
 * elsewhere): the batch never waits for a lock (tryLockContacts).
 *
 * Returns, per job in input order, the effects to dispatch after commit, or
 * null. Of several jobs for the same contact, the first gets the contact's
 * effects and the others empty effects. Throws (nothing written) if any write is
 * refused, e.g. a stale session version: run each job alone then.
 * Not for the batching window (`ctx.inboxBatchWindowMs`): use processInbox.
 */
export async function processInboxBatch(ctx: RunnerContext, jobs: readonly InboundJob[]): Promise<(Effects | null)[]> {
  // Each contact once, with its first job (which gets the contact's effects).
  const firsts = new Map<string, { ref: ContactRef; index: number }>();
  jobs.forEach((job, index) => {
    if (!firsts.has(contactKey(job))) firsts.set(contactKey(job), { ref: { channelId: job.channelId, contact: job.contact }, index });
  });
  const results: (Effects | null)[] = jobs.map(() => emptyEffects());

  return withSqlTransaction(ctx.db, async (tx) => {
    const locked = await tryLockContacts(tx, [...firsts.values()].map((first) => first.ref));
    const mine: { ref: ContactRef; index: number }[] = [];
    for (const first of firsts.values()) {
      if (locked.has(contactLockKey(first.ref))) mine.push(first);
      else results[first.index] = null;
    }
    const refs = mine.map((first) => first.ref);
    const pending = groupBy(await listUnprocessedInboundOfContacts(tx, refs), contactKey);
    const sessions = new Map((await findActiveSessions(tx, refs)).map((session) => [contactKey(session), session]));
    const plans: TurnPlan[] = [];
    for (const { ref, index } of mine) {
      const messages = pending.get(contactKey(ref));
      if (!messages) continue;
      const session = sessions.get(contactKey(ref));
      const plan = session && session.status === 'active' ? await planPlainTurns(ctx, session, messages) : null;
      if (plan) plans.push({ ...plan, jobIndex: index });
      else results[index] = null;
    }
    await applyPlans(tx, plans, results);
    for (const plan of plans) {
      ctx.logger.info({ sessionId: plan.session.id, replies: plan.replies.length, messages: plan.messageIds.length, batch: firsts.size }, 'turn processed');
    }
    return results;
  });
}

/** What a contact's plain turns write, computed before anything is written. */
type TurnPlan = {
  jobIndex: number;
  session: SessionRow;
  state: SessionState;
  replies: InsertOutboundMessageInput[];
  armed: { row: ArmSessionTimerInput; job: Effects['timers'][number] }[];
  cancelled: { sessionId: string; timerId: string }[];
  /** Session.expiresAt after these turns, and the wake-up job to schedule if the session had none (see timerWriteOf). */
  expiresAt: Date | null;
  wakeUps: Effects['wakeUps'];
  messageIds: string[];
};

/**
 * Steps the engine through the contact's messages (one turn each, in order) and
 * collects their writes; null as soon as a turn is not plain (see processInboxBatch).
 */
async function planPlainTurns(ctx: RunnerContext, session: SessionRow, messages: readonly Message[]): Promise<Omit<TurnPlan, 'jobIndex'> | null> {
  // Outside the batch's transaction: both are cached, and a bot version never changes.
  const flow = await ctx.flows.get(ctx.db, session.botVersionId);
  const channel = (await ctx.channels.get(ctx.db, session.channelId))?.type ?? 'http';
  const personScoped = personScopedNames(flow);
  const plan: Omit<TurnPlan, 'jobIndex'> = {
    session,
    state: migrateSessionState(session.state),
    replies: [],
    armed: [],
    cancelled: [],
    expiresAt: session.expiresAt,
    wakeUps: [],
    messageIds: [],
  };
  for (const message of messages) {
    const result = step(flow, plan.state, userMessageEvent([message], message, session.contact, channel), {
      now: ctx.clock(),
      random: ctx.random,
      sessionId: session.id,
    });
    if (result.session.status !== 'active' || result.session.waiting?.call) return null;
    for (const command of result.commands) {
      switch (command.type) {
        case 'send':
          plan.replies.push(outboundOfSend(session, command));
          break;
        case 'timer.set':
        case 'timer.cancel': {
          const write = timerWriteOf(session, plan.expiresAt, plan.state, command);
          if (write.kind === 'expiry') {
            plan.expiresAt = write.expiresAt;
            if (write.wakeUp) plan.wakeUps.push(write.wakeUp);
          } else if (write.kind === 'arm') plan.armed.push({ row: write.armed, job: write.job });
          else if (write.kind === 'cancel') {
            // Armed by an earlier turn of this batch: it never needs a row or a job.
            const armedHere = plan.armed.findIndex((timer) => timer.row.timerId === write.timer.timerId);
            if (armedHere >= 0) plan.armed.splice(armedHere, 1);
            else plan.cancelled.push(write.timer);
          }
          break;
        }
        case 'attributes.changed':
          // Session-scoped values live in the state; person-scoped ones need a profile write.
          if (command.changes.some((change) => personScoped.has(change.name))) return null;
          break;
        case 'call':
        case 'session.close':
          return null;
      }
    }
    plan.state = result.session;
    plan.messageIds.push(message.id);
  }
  return plan;
}

/** Writes every plan in one statement (writeTurnBatch) and fills in each plan's job effects. */
async function applyPlans(tx: SqlClient, plans: readonly TurnPlan[], results: (Effects | null)[]): Promise<void> {
  if (plans.length === 0) return;
  const stored = await writeTurnBatch(tx, {
    replies: plans.flatMap((plan) => plan.replies),
    armed: plans.flatMap((plan) => plan.armed.map((timer) => timer.row)),
    cancelled: plans.flatMap((plan) => plan.cancelled),
    sessions: plans.map((plan) => ({ id: plan.session.id, expectedVersion: plan.session.version, state: plan.state, expiresAt: plan.expiresAt })),
    processed: plans.map((plan) => ({ messageIds: plan.messageIds, sessionId: plan.session.id })),
  });
  let reply = 0;
  for (const plan of plans) {
    const effects = emptyEffects();
    for (const { id, pending } of stored.slice(reply, reply + plan.replies.length)) {
      if (pending) effects.outboundMessageIds.push(id);
    }
    reply += plan.replies.length;
    effects.timers.push(...plan.armed.map((timer) => timer.job));
    effects.cancelledTimers.push(...plan.cancelled);
    effects.wakeUps.push(...plan.wakeUps);
    results[plan.jobIndex] = effects;
  }
}

function contactKey(ref: ContactRef): string {
  return `${ref.channelId}\u0000${ref.contact}`;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
