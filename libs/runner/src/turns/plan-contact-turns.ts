import { migrateSessionState, step, type EngineEvent, type Flow, type SessionState } from '@parley/engine';
import type { AttributeValue } from '@parley/elements';
import type {
  ArmSessionTimerInput,
  BatchSessionCallInput,
  InsertOutboundMessageInput,
  Message,
  PersonContact,
  RecordAnalyticsEventInput,
  SessionCall,
} from '@parley/db';
import type { TimerJob } from '@parley/queue';
import { callResultEventOf } from '../calls/call-result-event-of';
import { personScopedNames } from '../person-attributes';
import { callOwnerOf, outboundOfSend, timerWriteOf } from '../turn-writes';
import type { SessionRow } from './session-row';
import { userMessageEvent } from './user-message-event';

/** Everything a contact's turns read, loaded under its lock (loadTurnInputs). */
export type ContactTurnInput = {
  channelId: string;
  contact: string;
  now: number;
  random: () => number;
  /** The channel's type ('whatsapp', 'http' ...), as `user.message` events carry it. */
  channelType: string;
  /** The contact's active session, or null. */
  session: SessionRow | null;
  /** The flow of every bot version named here (the session's, the start's), by version id. */
  flows: ReadonlyMap<string, Flow>;
  /** Where a new session starts: the channel's bot and its latest published version; null: there is none. */
  start: { workspaceId: string; botId: string; versionId: string; versionNumber: number } | null;
  /** Why `start` is null although the bot is published: the workspace has as many active sessions as it may. */
  startRefused?: 'session-limit' | null;
  /** The conversation with a human agent that gets the contact's messages instead of a new session. */
  agent: { conversationId: string; workspaceId: string } | null;
  /**
   * Stored calls of the contact not yet applied (where a session may start): while one
   * remains, a message that finds no active session waits (a To Agent handoff made as the
   * session ended decides whether it goes to the agent or to a new session).
   */
  unappliedCalls: ReadonlySet<string>;
  /** Person-scoped values remembered for the end user (handed to a session started here). */
  personAttributes: Record<string, AttributeValue> | undefined;
  /** The Customer Profiles contact of the end user; null: none fits, person-scoped values are not kept. */
  person: PersonContact | null;
  /** Stored call results not yet applied ('done'), in the order they finished. */
  calls: readonly SessionCall[];
  /** Timers that came due and were just marked fired (or have no row: the engine judges them). */
  timers: readonly TimerJob[];
  /** An expiry wake-up asks for this session to expire if its expiry time has come. */
  expiry: { sessionId: string } | null;
  /** Unprocessed inbound messages, in arrival order. */
  messages: readonly Message[];
  /** Batching window in ms (0: one turn per message); see ContactPlan.deferMessagesUntil. */
  window: number;
  /** A new unique id (sessions started, calls stored). */
  newId: () => string;
};

/** A session these turns touched, with its state after them. */
export type PlannedSession = {
  row: SessionRow;
  /** Null until the first turn of a session started here. */
  state: SessionState | null;
  /** Set when these turns started the session (it is inserted, not updated): its bot version's number. */
  startedOnVersion: number | null;
  status: 'active' | 'closed' | 'expired';
  expiresAt: Date | null;
  turns: number;
};

/** What a contact's turns write and queue, decided before anything is written. */
export type ContactPlan = {
  sessions: PlannedSession[];
  replies: InsertOutboundMessageInput[];
  armed: { row: ArmSessionTimerInput; job: TimerJob }[];
  cancelled: { sessionId: string; timerId: string }[];
  /** Expiry wake-up jobs to schedule (sessions whose expiry is now watched, see timerWriteOf). */
  wakeUps: TimerJob[];
  /** Calls reached (every kind runs from the calls queue): stored pending, queued after commit. */
  calls: BatchSessionCallInput[];
  /** Stored call results used up: fed to their session, or dropped because it ended. */
  appliedCallIds: string[];
  processed: { messageIds: string[]; sessionId: string | null }[];
  events: RecordAnalyticsEventInput[];
  /** Person-scoped values changed, to merge into the end user's profile. */
  personChanges: Record<string, AttributeValue>;
  /** The batching window is still open: no message was answered; look again then (epoch ms). */
  deferMessagesUntil?: number;
  /** What happened, for the log. */
  notes: { sessionId: string | null; note: string; detail?: Record<string, unknown> }[];
};

/**
 * The decide step of a turn (pure: no I/O, time and ids from `input`): feeds the contact's
 * events to the engine in order and turns every command into writes and queue work.
 * Order: stored call results first (the session awaits them), then timers, the expiry and
 * messages by their time. Rules:
 * - a message starts a session on the latest version when there is none (or goes to the
 *   agent conversation, or is marked processed unanswered when no version is published);
 * - while the session awaits a call, messages stay in the inbox (unprocessed, order kept)
 *   until the call's result has been applied: they are never dropped, even if the session
 *   then ends (the next session, or the agent, gets them); so do messages that find no
 *   active session while calls of an ended one are still to run (a handoff opens the
 *   agent conversation they belong to);
 * - a result, timer or expiry for a session that is no longer the active one is dropped;
 * - a session that ends cancels its timers and wake-up (timers armed by these very turns
 *   are never written) and records `session.closed` / `session.expired`.
 */
export function planContactTurns(input: ContactTurnInput): ContactPlan {
  const plan: ContactPlan = {
    sessions: [],
    replies: [],
    armed: [],
    cancelled: [],
    wakeUps: [],
    calls: [],
    appliedCallIds: [],
    processed: [],
    events: [],
    personChanges: {},
    notes: [],
  };
  const remembered: Record<string, AttributeValue> = { ...input.personAttributes };
  let current: PlannedSession | null = null;
  if (input.session) {
    current = { row: input.session, state: migrateSessionState(input.session.state), startedOnVersion: null, status: 'active', expiresAt: input.session.expiresAt, turns: 0 };
    plan.sessions.push(current);
  }
  const activeOf = (sessionId: string): PlannedSession | null => (current && current.status === 'active' && current.row.id === sessionId ? current : null);

  for (const call of input.calls) {
    plan.appliedCallIds.push(call.id);
    const session = activeOf(call.sessionId);
    if (!session) {
      plan.notes.push({ sessionId: call.sessionId, note: 'call result for a session that ended: dropped', detail: { callId: call.id } });
      continue;
    }
    const event = callResultEventOf(call);
    takeStep(input, plan, session, event, remembered);
    plan.notes.push({ sessionId: session.row.id, note: 'call result applied', detail: { callId: call.id, call: call.name, ok: event.ok } });
    if (session.status !== 'active') current = null;
  }

  type Timed = { at: number; run: () => void };
  const timed: Timed[] = [];
  for (const timer of input.timers) {
    timed.push({
      at: timer.dueAt,
      run: () => {
        const session = activeOf(timer.sessionId);
        if (!session) return;
        takeStep(input, plan, session, { type: 'timer.fired', timerId: timer.timerId }, remembered);
        plan.notes.push({ sessionId: session.row.id, note: 'timer fired', detail: { timerId: timer.timerId, kind: timer.kind } });
        if (session.status !== 'active') current = null;
      },
    });
  }
  const expiry = input.expiry;
  if (expiry && current?.expiresAt) {
    timed.push({
      at: current.expiresAt.getTime(),
      run: () => {
        const session = activeOf(expiry.sessionId);
        // A turn before it moved the expiry later: the wake-up waits again (see runTurns).
        if (!session?.expiresAt || session.expiresAt.getTime() > input.now || !session.state?.expiryTimerId) return;
        takeStep(input, plan, session, { type: 'timer.fired', timerId: session.state.expiryTimerId }, remembered);
        plan.notes.push({ sessionId: session.row.id, note: 'session expiry fired' });
        if (session.status !== 'active') current = null;
      },
    });
  }

  const groups = messageGroups(input, plan);
  let holding = false;
  for (const group of groups) {
    const last = group[group.length - 1];
    if (!last) continue;
    timed.push({
      at: last.createdAt.getTime(),
      run: () => {
        if (holding || current?.state?.waiting?.call) {
          holding = true;
          return;
        }
        const ids = group.map((message) => message.id);
        if (!current || current.status !== 'active') {
          current = null;
          if ([...input.unappliedCalls].some((id) => !plan.appliedCallIds.includes(id)) || plan.calls.length > 0) {
            holding = true;
            plan.notes.push({ sessionId: null, note: 'message waits for the calls of the session that ended', detail: { messages: ids.length } });
            return;
          }
          if (input.agent) {
            plan.processed.push({ messageIds: ids, sessionId: null });
            for (const id of ids) {
              plan.events.push({ workspaceId: input.agent.workspaceId, type: 'conversation.message', payload: { conversationId: input.agent.conversationId, messageId: id } });
            }
            plan.notes.push({ sessionId: null, note: 'message routed to the agent conversation', detail: { conversationId: input.agent.conversationId, messages: ids.length } });
            return;
          }
          if (!input.start) {
            plan.processed.push({ messageIds: ids, sessionId: null });
            const note = input.startRefused === 'session-limit' ? 'workspace at its session limit: message not answered' : 'no published bot version: message not answered';
            plan.notes.push({ sessionId: null, note, detail: { messageId: last.id } });
            return;
          }
          current = startSession(input, input.start);
          plan.sessions.push(current);
        }
        const session = current;
        takeStep(input, plan, session, userMessageEvent(group, last, session.row.contact, input.channelType), remembered);
        plan.processed.push({ messageIds: ids, sessionId: session.row.id });
        if (session.status !== 'active') current = null;
      },
    });
  }
  // Stable: equal times keep the order above (timers, expiry, then messages).
  timed.sort((a, b) => a.at - b.at);
  for (const each of timed) each.run();
  return plan;
}

/** The messages, one group per turn; none while the batching window is open (plan.deferMessagesUntil set). */
function messageGroups(input: ContactTurnInput, plan: ContactPlan): Message[][] {
  const first = input.messages[0];
  const last = input.messages[input.messages.length - 1];
  if (!first || !last) return [];
  if (input.window <= 0) return input.messages.map((message) => [message]);
  const until = Math.min(last.createdAt.getTime() + input.window, first.createdAt.getTime() + 3 * input.window);
  if (input.now < until) {
    plan.deferMessagesUntil = until;
    return [];
  }
  return [[...input.messages]];
}

function startSession(input: ContactTurnInput, start: NonNullable<ContactTurnInput['start']>): PlannedSession {
  return {
    row: {
      id: input.newId(),
      workspaceId: start.workspaceId,
      botId: start.botId,
      botVersionId: start.versionId,
      channelId: input.channelId,
      contact: input.contact,
      version: 0,
      state: null,
      expiresAt: null,
    },
    state: null,
    startedOnVersion: start.versionNumber,
    status: 'active',
    expiresAt: null,
    turns: 0,
  };
}

/** One engine step for `session`, its commands added to the plan. */
function takeStep(input: ContactTurnInput, plan: ContactPlan, session: PlannedSession, event: EngineEvent, remembered: Record<string, AttributeValue>): void {
  const flow = input.flows.get(session.row.botVersionId);
  if (!flow) throw new Error(`Flow of bot version ${session.row.botVersionId} was not loaded`);
  const personScoped = personScopedNames(flow);
  const fresh = session.state === null;
  const result = step(flow, session.state, event, {
    now: input.now,
    random: input.random,
    sessionId: session.row.id,
    ...(fresh && personScoped.size > 0 && input.person ? { personAttributes: pick(remembered, personScoped) } : {}),
  });
  const row = session.row;
  let status: PlannedSession['status'] = result.session.status === 'closed' ? 'closed' : 'active';
  for (const command of result.commands) {
    switch (command.type) {
      case 'send':
        plan.replies.push(outboundOfSend(row, command));
        break;
      case 'timer.set':
      case 'timer.cancel': {
        const write = timerWriteOf(row, session.expiresAt, session.state, command);
        if (write.kind === 'expiry') {
          session.expiresAt = write.expiresAt;
          if (write.wakeUp) plan.wakeUps.push(write.wakeUp);
        } else if (write.kind === 'arm') plan.armed.push({ row: write.armed, job: write.job });
        else if (write.kind === 'cancel') {
          // Armed by an earlier turn of this plan: it never needs a row or a job.
          const armedHere = plan.armed.findIndex((timer) => timer.row.sessionId === row.id && timer.row.timerId === write.timer.timerId);
          if (armedHere >= 0) plan.armed.splice(armedHere, 1);
          else plan.cancelled.push(write.timer);
        }
        break;
      }
      case 'call':
        plan.calls.push({ id: input.newId(), ...callOwnerOf(row), key: command.key, name: command.call.name, call: command.call });
        plan.notes.push({ sessionId: row.id, note: 'call queued', detail: { call: command.call.name, key: command.key } });
        break;
      case 'attributes.changed':
        if (!input.person) break;
        for (const change of command.changes) {
          if (!personScoped.has(change.name)) continue;
          plan.personChanges[change.name] = change.value;
          remembered[change.name] = change.value;
        }
        break;
      case 'session.close':
        status = command.reason === 'expired' ? 'expired' : 'closed';
        break;
      default:
        break;
    }
  }
  session.state = result.session;
  session.turns += 1;
  if (status === 'active') return;
  // Ended: nothing it armed may fire; its stored timers are cancelled by the write (ended sessions).
  session.status = status;
  session.expiresAt = null;
  plan.armed = plan.armed.filter((timer) => timer.row.sessionId !== row.id);
  plan.cancelled = plan.cancelled.filter((timer) => timer.sessionId !== row.id);
  plan.wakeUps = plan.wakeUps.filter((job) => job.sessionId !== row.id);
  plan.events.push({ workspaceId: row.workspaceId, botId: row.botId, sessionId: row.id, type: `session.${status}`, payload: { turn: result.session.turn } });
}

function pick(values: Record<string, AttributeValue>, names: ReadonlySet<string>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => names.has(name)));
}
