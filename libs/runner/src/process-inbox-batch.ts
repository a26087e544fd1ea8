import { randomUUID } from 'node:crypto';
import { migrateSessionState, step, type EngineEvent, type SessionState } from '@parley/engine';
import {
  findActiveSessions,
  listDoneSessionCallsOfContacts,
  listSessionStartFacts,
  listUnprocessedInboundOfContacts,
  tryLockContacts,
  contactLockKey,
  type ArmSessionTimerInput,
  type ContactRef,
  type InsertOutboundMessageInput,
  type BatchSessionCallInput,
  type Message,
  type SessionCall,
  type StartedSessionInput,
  withSqlTransaction,
  writeTurnBatch,
  type SqlClient,
} from '@parley/db';
import type { InboundJob } from '@parley/queue';
import { runsOutsideTurn } from './calls/runs-outside-turn';
import { callResultEventOf } from './calls/call-result-event-of';
import { emptyEffects, type Effects } from './effects';
import { personScopedNames } from './person-attributes';
import { userMessageEvent } from './process-inbox';
import type { RunnerContext } from './runner-context';
import type { SessionRow } from './run-turn';
import { callOwnerOf, outboundOfSend, timerWriteOf } from './turn-writes';

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
 * a new session loads from the profile). A turn may reach a call that runs
 * outside the turn (API, Code: stored as a pending SessionCall, queued after
 * commit), and a job with `callId` feeds the contact's stored call results
 * first, as processInbox does. A contact needing anything else — an agent
 * conversation, a database call (profile, tags, CSAT ...), a change of a
 * person-scoped attribute, the end of the session, a channel without a
 * published bot, a stored result for a session that is no longer active — is
 * left untouched
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
  // Contacts with a stored call result to apply, and the first job that says so (it goes
  // to processInbox too when the contact is left out, so the result is applied there).
  const withResults = new Map<string, number>();
  jobs.forEach((job, index) => {
    if (!firsts.has(contactKey(job))) firsts.set(contactKey(job), { ref: { channelId: job.channelId, contact: job.contact }, index });
    if (job.callId !== undefined && !withResults.has(contactKey(job))) withResults.set(contactKey(job), index);
  });
  const results: (Effects | null)[] = jobs.map(() => emptyEffects());
  const leaveOut = (first: { ref: ContactRef; index: number }): void => {
    results[first.index] = null;
    const resultJob = withResults.get(contactKey(first.ref));
    if (resultJob !== undefined) results[resultJob] = null;
  };

  return withSqlTransaction(ctx.db, async (tx) => {
    const locked = await tryLockContacts(tx, [...firsts.values()].map((first) => first.ref));
    const mine: { ref: ContactRef; index: number }[] = [];
    for (const first of firsts.values()) {
      if (locked.has(contactLockKey(first.ref))) mine.push(first);
      else leaveOut(first);
    }
    const refs = mine.map((first) => first.ref);
    const pending = groupBy(await listUnprocessedInboundOfContacts(tx, refs), contactKey);
    const sessions = new Map((await findActiveSessions(tx, refs)).map((session) => [contactKey(session), session]));
    const done = groupBy(await listDoneSessionCallsOfContacts(tx, refs.filter((ref) => withResults.has(contactKey(ref)))), contactKey);
    const starts = await newSessionsOf(ctx, tx, mine.filter((first) => pending.has(contactKey(first.ref)) && sessions.get(contactKey(first.ref))?.status !== 'active'));
    const plans: TurnPlan[] = [];
    for (const { ref, index } of mine) {
      const messages = pending.get(contactKey(ref)) ?? [];
      const calls = done.get(contactKey(ref)) ?? [];
      if (messages.length === 0 && calls.length === 0) continue;
      const session = sessions.get(contactKey(ref));
      const start = starts.get(contactKey(ref));
      let plan: Omit<TurnPlan, 'jobIndex'> | null = null;
      if (session && session.status === 'active') {
        if (calls.every((call) => call.sessionId === session.id)) plan = await planPlainTurns(ctx, session, calls, messages, null);
      } else if (start && calls.length === 0) plan = await planPlainTurns(ctx, start.row, [], messages, start.versionNumber);
      if (plan) plans.push({ ...plan, jobIndex: index });
      else leaveOut({ ref, index });
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
  /** Calls reached that run outside the turn: stored pending, queued after commit. */
  calls: BatchSessionCallInput[];
  /** Stored call results fed to the session. */
  appliedCallIds: string[];
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
 * Steps the engine through the contact's stored call results, then its messages (one
 * turn each, in order) and collects their writes; null as soon as a turn is not plain
 * (see processInboxBatch). `startedOnVersion` set: `session` is a new row these turns
 * start (its state null).
 */
async function planPlainTurns(
  ctx: RunnerContext,
  session: SessionRow,
  results: readonly SessionCall[],
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
    calls: [],
    appliedCallIds: [],
    messageIds: [],
  };
  const events: { event: EngineEvent; messageId?: string; callId?: string }[] = [
    ...results.map((call) => ({ event: callResultEventOf(call), callId: call.id })),
    ...messages.map((message) => ({ event: userMessageEvent([message], message, session.contact, channel), messageId: message.id })),
  ];
  for (const { event, messageId, callId } of events) {
    const result = step(flow, plan.state, event, {
      now: ctx.clock(),
      random: ctx.random,
      sessionId: session.id,
    });
    if (result.session.status !== 'active') return null;
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
          // A database call runs inside a turn (processInbox); a call that leaves the process is only stored.
          if (!runsOutsideTurn(command.call)) return null;
          plan.calls.push({ id: randomUUID(), ...callOwnerOf(session), key: command.key, name: command.call.name, call: command.call });
          break;
        case 'session.close':
          return null;
      }
    }
    plan.state = result.session;
    if (messageId !== undefined) plan.messageIds.push(messageId);
    if (callId !== undefined) plan.appliedCallIds.push(callId);
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
    calls: plans.flatMap((plan) => plan.calls),
    appliedCalls: plans.flatMap((plan) => plan.appliedCallIds),
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
    effects.calls.push(...plan.calls.map((call) => ({ callId: call.id, workspaceId: call.workspaceId })));
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
