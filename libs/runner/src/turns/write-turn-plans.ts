import { randomUUID } from 'node:crypto';
import { personRefKey, writeTurnBatch, type PersonAttributesWrite, type SqlClient, type StartedSessionInput, type UpdateActiveSessionInput } from '@parley/db';
import { emptyEffects, type Effects } from '../effects';
import type { ContactPlan, ContactTurnInput } from './plan-contact-turns';

/**
 * The write step of a turn: every contact's plan in one statement (writeTurnBatch:
 * replies, timers armed and cancelled, sessions saved, started and ended, calls stored,
 * results applied, messages processed, analytics events, person-scoped values), then
 * each contact's effects to dispatch after commit, in the order of `plans`.
 * With `leaseMs`, each contact's first reply is stored already claimed for delivery by
 * this caller (its effects' `leasedReplies`) when no earlier reply of the contact is pending.
 * Throws (the caller rolls back) if a session's version moved on underneath it.
 */
export async function writeTurnPlans(
  tx: SqlClient,
  inputs: readonly ContactTurnInput[],
  plans: readonly ContactPlan[],
  options: { leaseMs?: number } = {},
): Promise<Effects[]> {
  const sessions: UpdateActiveSessionInput[] = [];
  const started: StartedSessionInput[] = [];
  const ended: string[] = [];
  const persons = new Map<string, PersonAttributesWrite>();
  plans.forEach((plan, index) => {
    for (const session of plan.sessions) {
      if (session.turns === 0) continue;
      if (session.status !== 'active') ended.push(session.row.id);
      if (session.startedOnVersion === null) {
        sessions.push({ id: session.row.id, expectedVersion: session.row.version, state: session.state, expiresAt: session.expiresAt, status: session.status });
        continue;
      }
      const { id, workspaceId, botId, botVersionId, channelId, contact } = session.row;
      started.push({ id, workspaceId, botId, botVersionId, botVersionNumber: session.startedOnVersion, channelId, contact, state: session.state, status: session.status, version: session.turns, expiresAt: session.expiresAt });
    }
    const person = inputs[index]?.person;
    const workspaceId = plan.sessions[0]?.row.workspaceId;
    if (person && workspaceId && Object.keys(plan.personChanges).length > 0) {
      const ref = { workspaceId, contact: person };
      const earlier = persons.get(personRefKey(ref));
      persons.set(personRefKey(ref), { ...ref, attributes: { ...earlier?.attributes, ...plan.personChanges } });
    }
  });
  const stored = await writeTurnBatch(tx, {
    replies: plans.flatMap((plan) =>
      plan.replies.map((reply, index) => (index === 0 && options.leaseMs !== undefined ? { ...reply, lease: { token: randomUUID(), leaseMs: options.leaseMs } } : reply)),
    ),
    armed: plans.flatMap((plan) => plan.armed.map((timer) => timer.row)),
    cancelled: plans.flatMap((plan) => plan.cancelled),
    sessions,
    started,
    calls: plans.flatMap((plan) => plan.calls),
    appliedCalls: plans.flatMap((plan) => plan.appliedCallIds),
    processed: plans.flatMap((plan) => plan.processed),
    ended,
    events: plans.flatMap((plan) => plan.events),
    persons: [...persons.values()],
  });

  const effects = plans.map(() => emptyEffects());
  const effectsOfSession = new Map<string, Effects>();
  let reply = 0;
  plans.forEach((plan, index) => {
    const each = effects[index] ?? emptyEffects();
    for (const { id, pending, leased } of stored.replies.slice(reply, reply + plan.replies.length)) {
      if (pending) each.outboundMessageIds.push(id);
      if (leased) each.leasedReplies.push(leased);
    }
    reply += plan.replies.length;
    each.timers.push(...plan.armed.map((timer) => timer.job));
    each.cancelledTimers.push(...plan.cancelled);
    each.wakeUps.push(...plan.wakeUps);
    each.calls.push(...plan.calls.map((call) => ({ callId: call.id, workspaceId: call.workspaceId })));
    for (const session of plan.sessions) {
      effectsOfSession.set(session.row.id, each);
      if (session.status !== 'active' && session.startedOnVersion === null) each.cancelledWakeUps.push(session.row.id);
    }
  });
  for (const timer of stored.cancelledTimers) effectsOfSession.get(timer.sessionId)?.cancelledTimers.push(timer);
  return effects;
}
