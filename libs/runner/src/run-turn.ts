import { migrateSessionState, step, type EngineEvent, type SessionState } from '@parley/engine';
import {
  armSessionTimer,
  cancelPendingSessionTimers,
  cancelSessionTimer,
  insertOutboundMessage,
  insertSessionCall,
  recordAnalyticsEvent,
  updateSession,
  type Tx,
} from '@parley/db';
import { executeCall } from './calls/execute-call';
import { runsOutsideTurn } from './calls/runs-outside-turn';
import type { Call } from '@parley/elements';
import type { Effects } from './effects';
import { loadPersonAttributes, savePersonAttributes } from './person-attributes';
import { callOwnerOf, outboundOfSend, timerWriteOf } from './turn-writes';
import { callContextOf } from './calls/call-context-of';
import type { RunnerContext } from './runner-context';

/** The session row fields a turn needs. */
export type SessionRow = {
  id: string;
  workspaceId: string;
  botId: string;
  botVersionId: string;
  channelId: string;
  contact: string;
  version: number;
  state: unknown;
  /** Session.expiresAt: when the lazily kept expiry timer is due (null: not kept that way yet). */
  expiresAt: Date | null;
};

type CallResultEvent = Extract<EngineEvent, { type: 'call.result' }>;

/**
 * `next`: when the session now waits for the result of a database call this turn
 * executed, that `call.result` event (and the call) to feed it next (the caller loops,
 * bounded).
 */
export type TurnResult = { active: boolean; session: SessionRow; next: { event: CallResultEvent; call: Call } | null };

/**
 * Runs one engine step for one event inside the caller's transaction and
 * executes its commands as database writes plus effects for after commit:
 * - `send` becomes an outbound message row (outboundOfSend: a retried turn
 *   re-finds the same rows instead of sending twice);
 * - `timer.set` / `timer.cancel` are stored (SessionTimer rows: pending, cancelled)
 *   and become queue effects, except the session-expiry timer, kept as
 *   Session.expiresAt and one wake-up job per session (timerWriteOf); a session
 *   that ends cancels all its pending timers and its wake-up;
 * - `call`: a call that leaves the process (HTTP, Code: runsOutsideTurn) is only
 *   stored (a SessionCall row, 'pending') and queued after commit: it runs with no
 *   transaction and no lock held (processCall), and its result comes back as a later
 *   turn (processInbox). A database call (tags, profiles, CSAT, handoff) is executed
 *   now, inside the transaction, so it commits or rolls back with the turn; a result
 *   the session waits for is returned as `next`;
 * - the new state is saved with an optimistic version check (a stale write
 *   throws and the whole transaction is retried by the job).
 * `fresh` marks a session just created, which the engine starts from scratch.
 */
export async function runTurn(
  tx: Tx,
  ctx: RunnerContext,
  row: SessionRow,
  event: EngineEvent,
  effects: Effects,
  fresh = false,
): Promise<TurnResult> {
  const flow = await ctx.flows.get(tx, row.botVersionId);
  const state: SessionState | null = fresh ? null : migrateSessionState(row.state);
  const now = ctx.clock();
  const personAttributes = fresh ? await loadPersonAttributes(tx, flow, row.workspaceId, row.contact) : undefined;
  const result = step(flow, state, event, {
    now,
    random: ctx.random,
    sessionId: row.id,
    ...(personAttributes ? { personAttributes } : {}),
  });
  const callResults = new Map<string, { event: CallResultEvent; call: Call }>();
  let status: 'active' | 'closed' | 'expired' = result.session.status === 'closed' ? 'closed' : 'active';
  let expiresAt = row.expiresAt;

  for (const command of result.commands) {
    switch (command.type) {
      case 'send': {
        const { message } = await insertOutboundMessage(tx, outboundOfSend(row, command));
        if (message.status === 'pending') effects.outboundMessageIds.push(message.id);
        break;
      }
      case 'timer.set':
      case 'timer.cancel': {
        const write = timerWriteOf(row, expiresAt, state, command);
        if (write.kind === 'expiry') {
          expiresAt = write.expiresAt;
          if (write.wakeUp) effects.wakeUps.push(write.wakeUp);
        } else if (write.kind === 'arm') {
          await armSessionTimer(tx, write.armed);
          effects.timers.push(write.job);
        } else if (write.kind === 'cancel') {
          await cancelSessionTimer(tx, write.timer.sessionId, write.timer.timerId);
          effects.cancelledTimers.push(write.timer);
        }
        break;
      }
      case 'call': {
        if (runsOutsideTurn(command.call)) {
          const stored = await insertSessionCall(tx, { ...callOwnerOf(row), key: command.key, name: command.call.name, call: command.call });
          if (stored.status === 'pending') effects.calls.push({ callId: stored.id, workspaceId: row.workspaceId });
          ctx.logger.info({ sessionId: row.id, call: command.call.name, key: command.key, callId: stored.id }, 'call queued');
          break;
        }
        const outcome = await executeCall(tx, callContextOf(ctx, callOwnerOf(row), now), command.call, { sandbox: ctx.sandbox, httpPolicies: ctx.httpPolicies });
        callResults.set(command.key, { event: { type: 'call.result', key: command.key, ...outcome }, call: command.call });
        ctx.logger.info({ sessionId: row.id, call: command.call.name, key: command.key, ok: outcome.ok }, 'call executed');
        break;
      }
      case 'attributes.changed':
        await savePersonAttributes(tx, flow, row.workspaceId, row.contact, command.changes);
        break;
      case 'session.close':
        status = command.reason === 'expired' ? 'expired' : 'closed';
        break;
      default:
        break;
    }
  }

  const saved = await updateSession(tx, {
    id: row.id,
    expectedVersion: row.version,
    state: result.session,
    status,
    expiresAt,
  });
  if (status !== 'active') {
    effects.cancelledWakeUps.push(row.id);
    for (const timerId of await cancelPendingSessionTimers(tx, row.id)) effects.cancelledTimers.push({ sessionId: row.id, timerId });
    await recordAnalyticsEvent(tx, {
      workspaceId: row.workspaceId,
      botId: row.botId,
      sessionId: row.id,
      type: `session.${status}`,
      payload: { turn: result.session.turn },
    });
  }
  const awaited = result.session.waiting?.call?.key;
  const next = awaited === undefined ? null : (callResults.get(awaited) ?? null);
  return { active: status === 'active', session: { ...row, version: saved.version, state: result.session, expiresAt: saved.expiresAt }, next };
}

/** Most call results fed back within one job; a flow looping over calls continues in a later job. */
export const maxChainedCallTurns = 25;

/**
 * Runs the turn for `event`, then keeps feeding the results of database calls the
 * session waits for (profile lookup, tags ...) until it waits for something else: the
 * user, a timer, a call run outside the turn, or a call result beyond
 * `maxChainedCallTurns` — that result is stored (a SessionCall 'done') and a later job
 * feeds it (effects.callResults), so a long chain of calls is never cut.
 */
export async function runTurnChain(
  tx: Tx,
  ctx: RunnerContext,
  row: SessionRow,
  event: EngineEvent,
  effects: Effects,
  fresh = false,
): Promise<TurnResult> {
  let turn = await runTurn(tx, ctx, row, event, effects, fresh);
  for (let chained = 0; turn.next && turn.active && chained < maxChainedCallTurns; chained++) {
    turn = await runTurn(tx, ctx, turn.session, turn.next.event, effects);
  }
  if (turn.next && turn.active) {
    const { event, call } = turn.next;
    const { type: _type, key, ...result } = event;
    const stored = await insertSessionCall(tx, { ...callOwnerOf(turn.session), key, name: call.name, call, result });
    effects.callResults.push({ channelId: turn.session.channelId, contact: turn.session.contact, callId: stored.id });
    ctx.logger.info({ sessionId: turn.session.id, call: call.name, key }, 'chained call limit reached: result stored for the next job');
  }
  return turn;
}

