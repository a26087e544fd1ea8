import { randomUUID } from 'node:crypto';
import type { Flow } from '@parley/engine';
import {
  findActiveSessions,
  fireSessionTimers,
  listDoneSessionCallsOfContacts,
  listPersonAttributes,
  listSessionAllowances,
  listSessionStartFacts,
  listUnprocessedInboundOfContacts,
  personRefKey,
  sessionTimerKey,
  type ContactRef,
  type PersonContact,
  type PersonRef,
  type SqlClient,
} from '@parley/db';
import type { TimerJob } from '@parley/queue';
import { personContactOf } from '../person-contact-of';
import { personScopedNames, rememberedValues } from '../person-attributes';
import type { RunnerContext } from '../runner-context';
import type { ContactTurnInput } from './plan-contact-turns';

/** One contact's share of a batch of turn sources (see runTurns). */
export type ContactWork = {
  ref: ContactRef;
  /** An inbox job carries a stored call result: apply the contact's results. */
  callResult: boolean;
  /** Timer jobs (not expiry wake-ups). */
  timers: TimerJob[];
  /** Expiry wake-up jobs. */
  wakeUps: TimerJob[];
};

/**
 * The load step of a turn, for many contacts at once, under their locks in the batch's
 * transaction: fires the timers asked for (once: a timer already fired or cancelled is
 * left out), and reads the contacts' unprocessed messages, active sessions, stored call
 * results (when a job carries one or the session awaits a call), and what starting a
 * session needs (latest bot versions, agent conversations, remembered person-scoped
 * values) where one may start. A handful of statements whatever the batch's size.
 */
export async function loadTurnInputs(tx: SqlClient, ctx: RunnerContext, work: readonly ContactWork[]): Promise<ContactTurnInput[]> {
  if (work.length === 0) return [];
  const now = ctx.clock();
  const refs = work.map((each) => each.ref);
  const asked = work.flatMap((each) => each.timers);
  const fired = await fireSessionTimers(tx, asked);
  const messages = groupBy(await listUnprocessedInboundOfContacts(tx, refs), contactKey);
  const sessions = new Map((await findActiveSessions(tx, refs)).map((session) => [contactKey(session), session]));
  const withResults = work.filter((each) => each.callResult || awaitsCall(sessions.get(contactKey(each.ref))?.state));
  const calls = groupBy(await listDoneSessionCallsOfContacts(tx, withResults.map((each) => each.ref)), contactKey);

  const channels = new Map<string, Awaited<ReturnType<RunnerContext['channels']['get']>>>();
  for (const { ref } of work) {
    // On this transaction's connection, never a second one from the pool (see FlowCache).
    if (!channels.has(ref.channelId)) channels.set(ref.channelId, await ctx.channels.get(tx, ref.channelId));
  }
  // A session may start where there are messages and no session, or where something else may end it first.
  const mayStart = work.filter((each) => {
    const count = messages.get(contactKey(each.ref))?.length ?? 0;
    return count > 0 && (!sessions.has(contactKey(each.ref)) || count > 1 || each.timers.length + each.wakeUps.length > 0 || calls.has(contactKey(each.ref)));
  });
  const botIds = [...new Set(mayStart.flatMap(({ ref }) => channels.get(ref.channelId)?.botId ?? []))];
  const facts = mayStart.length > 0 ? await listSessionStartFacts(tx, mayStart.map((each) => each.ref), botIds) : null;

  // Workspaces at their session limit start no session: a new contact's message is then not answered.
  const startsIn = [...new Set(mayStart.flatMap(({ ref }) => (sessions.has(contactKey(ref)) ? [] : (channels.get(ref.channelId)?.workspaceId ?? []))))];
  const allowances = startsIn.length > 0 ? await listSessionAllowances(tx, startsIn, ctx.maxSessionsPerWorkspace ?? 0) : new Map<string, number>();

  const flows = new Map<string, Flow>();
  const flowOf = async (versionId: string): Promise<Flow> => {
    const known = flows.get(versionId);
    if (known) return known;
    const flow = await ctx.flows.get(tx, versionId);
    flows.set(versionId, flow);
    return flow;
  };
  const inputs: ContactTurnInput[] = [];
  const wantAttributes: PersonRef[] = [];
  for (const each of work) {
    const key = contactKey(each.ref);
    const channel = channels.get(each.ref.channelId);
    const session = sessions.get(key) ?? null;
    const version = channel?.botId && mayStart.includes(each) ? facts?.latestVersions.get(channel.botId) : undefined;
    let start = channel?.botId && version ? { workspaceId: channel.workspaceId, botId: channel.botId, versionId: version.id, versionNumber: version.number } : null;
    let startRefused: ContactTurnInput['startRefused'] = null;
    const allowance = start && !session ? allowances.get(start.workspaceId) : undefined;
    if (start && allowance !== undefined) {
      if (allowance <= 0) {
        start = null;
        startRefused = 'session-limit';
      } else {
        allowances.set(start.workspaceId, allowance - 1);
      }
    }
    let keepsPerson = false;
    for (const versionId of [session?.botVersionId, start?.versionId]) {
      if (versionId !== undefined && personScopedNames(await flowOf(versionId)).size > 0) keepsPerson = true;
    }
    const person: PersonContact | null = keepsPerson ? personContactOf(each.ref.contact) : null;
    if (person && start) wantAttributes.push({ workspaceId: start.workspaceId, contact: person });
    const wakeUp = each.wakeUps[0];
    inputs.push({
      channelId: each.ref.channelId,
      contact: each.ref.contact,
      now,
      random: ctx.random,
      channelType: channel?.type ?? 'http',
      session,
      flows,
      start,
      startRefused,
      agent: facts?.withAgent.get(key) ?? null,
      unappliedCalls: facts?.unappliedCalls.get(key) ?? new Set(),
      personAttributes: undefined,
      person,
      calls: calls.get(key) ?? [],
      timers: each.timers.filter((timer) => fired.get(sessionTimerKey(timer.sessionId, timer.timerId)) !== 'settled'),
      expiry: wakeUp ? { sessionId: wakeUp.sessionId } : null,
      messages: messages.get(key) ?? [],
      window: ctx.inboxBatchWindowMs ?? 0,
      newId: randomUUID,
    });
  }
  if (wantAttributes.length > 0) {
    const stored = await listPersonAttributes(tx, wantAttributes);
    for (const input of inputs) {
      if (!input.person || !input.start) continue;
      const values = stored.get(personRefKey({ workspaceId: input.start.workspaceId, contact: input.person }));
      input.personAttributes = rememberedValues(values);
    }
  }
  return inputs;
}

/** Whether a stored session state awaits a call's result (read without parsing the whole state). */
function awaitsCall(state: unknown): boolean {
  if (!isRecord(state) || !isRecord(state['waiting'])) return false;
  const call = state['waiting']['call'];
  return call !== undefined && call !== null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function contactKey(ref: ContactRef): string {
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
