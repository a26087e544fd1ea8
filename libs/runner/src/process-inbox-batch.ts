import { randomUUID } from 'node:crypto';
import { migrateSessionState, step, type SessionState } from '@parley/engine';
import {
  findActiveSessions,
  listSessionStartFacts,
  listUnprocessedInboundOfContacts,
  tryLockContacts,
  contactLockKey,
  type ArmSessionTimerInput,
  type ContactRef,
  type InsertOutboundMessageInput,
  type Message,
  type StartedSessionInput,
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
 * Only plain turns are taken: turns that only send replies, set or cancel
 * timers and change session-scoped attributes (the common case: a question
 * answered, the next one asked), of an active session or of a session they
 * start on the bot's latest published version (as processInbox starts one, with
 * its 'session.started' event; not for bots with person-scoped attributes, which
 * a new session loads from the profile). A contact needing anything else — an
 * agent conversation, a call (API, Code, profile, CSAT ...), a change of a
 * person-scoped attribute, the end of the session, a channel without a
 * published bot — is left untouched
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
    const starts = await newSessionsOf(ctx, tx, mine.filter((first) => pending.has(contactKey(first.ref)) && sessions.get(contactKey(first.ref))?.status !== 'active'));
    const plans: TurnPlan[] = [];
    for (const { ref, index } of mine) {
      const messages = pending.get(contactKey(ref));
      if (!messages) continue;
      const session = sessions.get(contactKey(ref));
      const start = starts.get(contactKey(ref));
      let plan: Omit<TurnPlan, 'jobIndex'> | null = null;
      if (session && session.status === 'active') plan = await planPlainTurns(ctx, session, messages, null);
      else if (start) plan = await planPlainTurns(ctx, start.row, messages, start.versionNumber);
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
  /** Null until the first turn of a session these turns start. */
  state: SessionState | null;
  /** Set when these turns start the session: its bot version's number (the session is inserted, not updated). */
  startedOnVersion: number | null;
  replies: InsertOutboundMessageInput[];
  armed: { row: ArmSessionTimerInput; job: Effects['timers'][number] }[];
  cancelled: { sessionId: string; timerId: string }[];
  /** Session.expiresAt after these turns, and the wake-up job to schedule if the session had none (see timerWriteOf). */
  expiresAt: Date | null;
  wakeUps: Effects['wakeUps'];
  messageIds: string[];
};

/**
 * The sessions the batch may start itself (see processInboxBatch), by contact: a new
 * session row (its id chosen here) on the channel's bot's latest version. Contacts
 * with an agent conversation, on a channel without a published bot, or whose bot has
 * person-scoped attributes are left out (processInbox handles them).
 */
async function newSessionsOf(
  ctx: RunnerContext,
  tx: SqlClient,
  contacts: readonly { ref: ContactRef }[],
): Promise<Map<string, { row: SessionRow; versionNumber: number }>> {
  const starts = new Map<string, { row: SessionRow; versionNumber: number }>();
  if (contacts.length === 0) return starts;
  const channels = new Map<string, Awaited<ReturnType<RunnerContext['channels']['get']>>>();
  for (const { ref } of contacts) {
    if (!channels.has(ref.channelId)) channels.set(ref.channelId, await ctx.channels.get(ctx.db, ref.channelId));
  }
  const botIds = [...new Set([...channels.values()].flatMap((channel) => (channel?.botId ? [channel.botId] : [])))];
  const facts = await listSessionStartFacts(tx, contacts.map((contact) => contact.ref), botIds);
  for (const { ref } of contacts) {
    const channel = channels.get(ref.channelId);
    const version = channel?.botId ? facts.latestVersions.get(channel.botId) : undefined;
    if (!channel?.botId || !version || facts.withAgent.has(contactKey(ref))) continue;
    if (personScopedNames(await ctx.flows.get(ctx.db, version.id)).size > 0) continue;
    starts.set(contactKey(ref), {
      row: {
        id: randomUUID(),
        workspaceId: channel.workspaceId,
        botId: channel.botId,
        botVersionId: version.id,
        channelId: ref.channelId,
        contact: ref.contact,
        version: 0,
        state: null,
        expiresAt: null,
      },
      versionNumber: version.number,
    });
  }
  return starts;
}

/**
 * Steps the engine through the contact's messages (one turn each, in order) and
 * collects their writes; null as soon as a turn is not plain (see processInboxBatch).
 * `startedOnVersion` set: `session` is a new row these turns start (its state null).
 */
async function planPlainTurns(
  ctx: RunnerContext,
  session: SessionRow,
  messages: readonly Message[],
  startedOnVersion: number | null,
): Promise<Omit<TurnPlan, 'jobIndex'> | null> {
  // Outside the batch's transaction: both are cached, and a bot version never changes.
  const flow = await ctx.flows.get(ctx.db, session.botVersionId);
  const channel = (await ctx.channels.get(ctx.db, session.channelId))?.type ?? 'http';
  const personScoped = personScopedNames(flow);
  const plan: Omit<TurnPlan, 'jobIndex'> = {
    session,
    state: startedOnVersion === null ? migrateSessionState(session.state) : null,
    startedOnVersion,
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
  const started: StartedSessionInput[] = [];
  for (const plan of plans) {
    if (plan.startedOnVersion === null) continue;
    const { id, workspaceId, botId, botVersionId, channelId, contact } = plan.session;
    started.push({ id, workspaceId, botId, botVersionId, botVersionNumber: plan.startedOnVersion, channelId, contact, state: plan.state, version: plan.messageIds.length, expiresAt: plan.expiresAt });
  }
  const stored = await writeTurnBatch(tx, {
    replies: plans.flatMap((plan) => plan.replies),
    armed: plans.flatMap((plan) => plan.armed.map((timer) => timer.row)),
    cancelled: plans.flatMap((plan) => plan.cancelled),
    sessions: plans
      .filter((plan) => plan.startedOnVersion === null)
      .map((plan) => ({ id: plan.session.id, expectedVersion: plan.session.version, state: plan.state, expiresAt: plan.expiresAt })),
    started,
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
