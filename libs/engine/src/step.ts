import {
  bindElement,
  defaultPort,
  type AttributeValue,
  type AttributeValues,
  type Element,
  type ElementContext,
  type ElementOutcome,
  type ResumeEvent,
  type WaitFor,
} from '@parley/elements';
import type { CloseReason } from './close-reason-schema';
import { effectKey, timerId } from './command-ids';
import type { Command } from './command-schema';
import type { EngineEvent, UserMessageEvent } from './engine-event-schema';
import type { Dialog, Flow } from './flow-schema';
import { currentSessionSchemaVersion, type Position, type SessionState, type WaitingState } from './session-state-schema';
import type { IgnoreReason, StepError, StepResult } from './step-result-schema';

/** Everything non-deterministic a step may use. */
export type StepDeps = {
  /** The step's time, epoch ms: timers are due relative to it. */
  now: number;
  /** Uniform in [0, 1); called only when an element makes a random choice. */
  random: () => number;
};

/** More element runs than this in one step close the session with a 'loop-limit' error. */
export const maxElementExecutionsPerStep = 100;

/**
 * Advances one session by one event. Pure, synchronous and deterministic: the same
 * (flow, session, event, deps.now, random sequence) always gives the same result.
 * Never throws; failures close the session with reason 'error' (see StepError).
 *
 * - session null + user.message: starts a session at the entry dialog's start element.
 *   The message is recorded as `lastReceivedMessage` but is not a reply: a User response
 *   at the start waits for the *next* message.
 * - Elements run until one waits or the session ends (at most maxElementExecutionsPerStep).
 * - user.message while waiting for one: recorded as `lastReceivedMessage`, the wait's
 *   timer (if any) is cancelled, and the waiting element resumes.
 * - timer.fired: the wait's timer resumes the element with a timeout; the expiry timer
 *   closes the session ('expired'); any other timer id is stale and ignored.
 * - Ignored events (stale timer, closed session, unexpected event) return the session
 *   unchanged with no commands; `turn` counts accepted steps only.
 * - Every accepted step that leaves the session active re-arms the session-expiry timer
 *   (cancel the old one, set `${turn}:session-expiry`); closing cancels it.
 * - session null + any other event: nothing to resume; returns an empty closed session
 *   (turn 0) with outcome ignored/no-session, which the runner should not store.
 */
export function step(flow: Flow, session: SessionState | null, event: EngineEvent, deps: StepDeps): StepResult {
  try {
    return stepUnguarded(flow, session, event, deps);
  } catch (caught) {
    return failInternally(session, event, deps, caught);
  }
}

function stepUnguarded(flow: Flow, session: SessionState | null, event: EngineEvent, deps: StepDeps): StepResult {
  if (session === null) {
    return event.type === 'user.message' ? start(flow, event, deps) : ignore(emptyClosedSession(deps.now), 'no-session');
  }
  if (session.status === 'closed') return ignore(session, 'session-closed');
  const waiting = session.waiting;
  switch (event.type) {
    case 'timer.fired': {
      if (event.timerId === session.expiryTimerId) return expire(flow, session, deps);
      if (waiting === null || waiting.timerId === null || waiting.timerId !== event.timerId) return ignore(session, 'stale-timer');
      return resume(beginTurn(flow, session, deps), session, waiting, { type: 'timeout' });
    }
    case 'user.message': {
      if (waiting === null || waiting.waitFor.kind !== 'user.message') return ignore(session, 'unexpected-event');
      const turn = beginTurn(flow, session, deps);
      setAttribute(turn, 'lastReceivedMessage', event.text);
      if (waiting.timerId !== null) turn.commands.push({ type: 'timer.cancel', timerId: waiting.timerId });
      return resume(turn, session, waiting, { type: 'user.message', text: event.text });
    }
  }
}

/** The working state of one accepted step. Local to the step; mutated only while it runs. */
type Turn = {
  readonly flow: Flow;
  readonly deps: StepDeps;
  readonly previous: SessionState | null;
  readonly number: number;
  readonly attributes: AttributeValues;
  /** Final values of attributes set in this step, in order of first change. */
  readonly changes: Map<string, AttributeValue>;
  /** Commands so far: cancels of consumed timers and element effects, in order. */
  readonly commands: Command[];
  /** The session-expiry timer to cancel when the step ends (null: none, or it just fired). */
  expiryToCancel: string | null;
  effectCount: number;
  executions: number;
};

type Located = { dialog: Dialog; element: Element; position: Position };

function beginTurn(flow: Flow, previous: SessionState | null, deps: StepDeps): Turn {
  return {
    flow,
    deps,
    previous,
    number: (previous?.turn ?? 0) + 1,
    attributes: { ...previous?.attributes },
    changes: new Map(),
    commands: [],
    expiryToCancel: previous?.expiryTimerId ?? null,
    effectCount: 0,
    executions: 0,
  };
}

function start(flow: Flow, event: UserMessageEvent, deps: StepDeps): StepResult {
  const turn = beginTurn(flow, null, deps);
  setAttribute(turn, 'lastReceivedMessage', event.text);
  const dialog = flow.dialogs.find((candidate) => candidate.id === flow.entryDialogId);
  const entry = dialog && locate(flow, { dialogId: dialog.id, elementId: dialog.startElementId });
  if (entry === undefined) {
    return close(turn, null, 'error', brokenFlow(`the entry dialog "${flow.entryDialogId}" or its start element is missing`));
  }
  return runFrom(turn, entry);
}

function expire(flow: Flow, session: SessionState, deps: StepDeps): StepResult {
  const turn = beginTurn(flow, session, deps);
  turn.expiryToCancel = null; // it is the timer that fired
  if (session.waiting?.timerId != null) turn.commands.push({ type: 'timer.cancel', timerId: session.waiting.timerId });
  // Later: the Session Expire dialog runs here before the session closes.
  return close(turn, session.position, 'expired');
}

function resume(turn: Turn, session: SessionState, waiting: WaitingState, event: ResumeEvent): StepResult {
  const here = session.position === null ? undefined : locate(turn.flow, session.position);
  if (here === undefined) return close(turn, session.position, 'error', brokenFlow('the waiting element is no longer in the flow'));
  const onEvent = bindElement(here.element).onEvent;
  if (onEvent === undefined) {
    return close(turn, here.position, 'error', brokenFlow(`element "${here.element.id}" (${here.element.type}) cannot be resumed`));
  }
  turn.executions += 1;
  return drive(turn, here, onEvent(waiting.waitFor, event, context(turn)));
}

function runFrom(turn: Turn, located: Located): StepResult {
  turn.executions += 1;
  return drive(turn, located, bindElement(located.element).run(context(turn)));
}

/** Applies outcomes and follows edges until an element waits or the session ends. */
function drive(turn: Turn, first: Located, firstOutcome: ElementOutcome): StepResult {
  let here = first;
  let outcome = firstOutcome;
  for (;;) {
    apply(turn, outcome);
    switch (outcome.kind) {
      case 'wait':
        return wait(turn, here.position, outcome.waitFor);
      case 'end':
        return close(turn, here.position, outcome.reason);
      case 'continue': {
        const port = outcome.port;
        const edge = here.dialog.edges.find((candidate) => candidate.from === here.element.id && (candidate.port ?? defaultPort) === port);
        if (edge === undefined) return close(turn, here.position, 'end-of-flow');
        const next = locate(turn.flow, { dialogId: here.dialog.id, elementId: edge.to });
        if (next === undefined) return close(turn, here.position, 'error', brokenFlow(`edge "${edge.id}" leads to a missing element "${edge.to}"`));
        if (turn.executions >= maxElementExecutionsPerStep) {
          return close(turn, here.position, 'error', {
            code: 'loop-limit',
            message: `More than ${maxElementExecutionsPerStep} elements ran in one step without waiting; the flow probably loops.`,
          });
        }
        turn.executions += 1;
        here = next;
        outcome = bindElement(next.element).run(context(turn));
      }
    }
  }
}

function apply(turn: Turn, outcome: ElementOutcome): void {
  for (const [name, value] of Object.entries(outcome.attributes)) setAttribute(turn, name, value);
  for (const effect of outcome.effects) {
    const key = effectKey(turn.number, turn.effectCount);
    turn.effectCount += 1;
    switch (effect.type) {
      case 'send':
        turn.commands.push(
          effect.buttons === undefined
            ? { type: 'send', key, text: effect.text }
            : { type: 'send', key, text: effect.text, buttons: effect.buttons },
        );
        break;
    }
  }
}

function wait(turn: Turn, position: Position, waitFor: WaitFor): StepResult {
  const { now } = turn.deps;
  const commands = [...turn.commands, ...attributesChanged(turn)];
  let waitTimerId: string | null = null;
  if (waitFor.kind === 'user.message' && waitFor.timeoutSeconds !== undefined) {
    waitTimerId = timerId(turn.number, 'reply-timeout');
    commands.push({ type: 'timer.set', timerId: waitTimerId, kind: 'reply-timeout', dueAt: now + waitFor.timeoutSeconds * 1000 });
  }
  if (turn.expiryToCancel !== null) commands.push({ type: 'timer.cancel', timerId: turn.expiryToCancel });
  const expiryTimerId = timerId(turn.number, 'session-expiry');
  commands.push({
    type: 'timer.set',
    timerId: expiryTimerId,
    kind: 'session-expiry',
    dueAt: now + turn.flow.settings.sessionTimeoutSeconds * 1000,
  });
  return {
    session: {
      ...sessionBase(turn),
      status: 'active',
      position,
      waiting: { waitFor, timerId: waitTimerId },
      expiryTimerId,
      closeReason: null,
    },
    commands,
    outcome: { kind: 'waiting', waitFor },
  };
}

function close(turn: Turn, position: Position | null, reason: CloseReason, error?: StepError): StepResult {
  const commands = [...turn.commands, ...attributesChanged(turn)];
  if (turn.expiryToCancel !== null) commands.push({ type: 'timer.cancel', timerId: turn.expiryToCancel });
  commands.push({ type: 'session.close', reason });
  return {
    session: { ...sessionBase(turn), status: 'closed', position, waiting: null, expiryTimerId: null, closeReason: reason },
    commands,
    outcome: error === undefined ? { kind: 'closed', reason } : { kind: 'closed', reason, error },
  };
}

function sessionBase(turn: Turn): Pick<SessionState, 'schemaVersion' | 'attributes' | 'turn' | 'startedAt' | 'updatedAt'> {
  return {
    schemaVersion: currentSessionSchemaVersion,
    attributes: turn.attributes,
    turn: turn.number,
    startedAt: turn.previous?.startedAt ?? turn.deps.now,
    updatedAt: turn.deps.now,
  };
}

function attributesChanged(turn: Turn): Command[] {
  if (turn.changes.size === 0) return [];
  return [{ type: 'attributes.changed', changes: [...turn.changes].map(([name, value]) => ({ name, value })) }];
}

/** Sets an own property (safe for any name, `__proto__` included); unchanged values are not recorded. */
function setAttribute(turn: Turn, name: string, value: AttributeValue): void {
  if (Object.hasOwn(turn.attributes, name) && JSON.stringify(turn.attributes[name]) === JSON.stringify(value)) return;
  Object.defineProperty(turn.attributes, name, { value, enumerable: true, writable: true, configurable: true });
  turn.changes.set(name, value);
}

function context(turn: Turn): ElementContext {
  return { attributes: turn.attributes, now: turn.deps.now, random: turn.deps.random };
}

function locate(flow: Flow, position: Position): Located | undefined {
  const dialog = flow.dialogs.find((candidate) => candidate.id === position.dialogId);
  const element = dialog?.elements.find((candidate) => candidate.id === position.elementId);
  return dialog === undefined || element === undefined ? undefined : { dialog, element, position: { ...position } };
}

function brokenFlow(detail: string): StepError {
  return { code: 'broken-flow', message: `The flow is broken: ${detail}.` };
}

function ignore(session: SessionState, reason: IgnoreReason): StepResult {
  return { session, commands: [], outcome: { kind: 'ignored', reason } };
}

function emptyClosedSession(now: number): SessionState {
  return {
    schemaVersion: currentSessionSchemaVersion,
    status: 'closed',
    position: null,
    waiting: null,
    attributes: {},
    turn: 0,
    startedAt: now,
    updatedAt: now,
    expiryTimerId: null,
    closeReason: 'error',
  };
}

/**
 * Last resort when engine or element code threw (a bug): close the session with an
 * 'internal' error instead of failing the runner's job forever. Attribute changes of
 * the failed step are dropped; timers the session held are cancelled.
 */
function failInternally(session: SessionState | null, event: EngineEvent, deps: StepDeps, caught: unknown): StepResult {
  if (session !== null && session.status === 'closed') return ignore(session, 'session-closed');
  const fired = event.type === 'timer.fired' ? event.timerId : null;
  const held = [session?.waiting?.timerId ?? null, session?.expiryTimerId ?? null];
  const cancels: Command[] = held.flatMap((id) => (id === null || id === fired ? [] : [{ type: 'timer.cancel', timerId: id }]));
  const detail = caught instanceof Error ? caught.message : String(caught);
  return {
    session: {
      schemaVersion: currentSessionSchemaVersion,
      status: 'closed',
      position: session?.position ?? null,
      waiting: null,
      attributes: session?.attributes ?? {},
      turn: (session?.turn ?? 0) + 1,
      startedAt: session?.startedAt ?? deps.now,
      updatedAt: deps.now,
      expiryTimerId: null,
      closeReason: 'error',
    },
    commands: [...cancels, { type: 'session.close', reason: 'error' }],
    outcome: { kind: 'closed', reason: 'error', error: { code: 'internal', message: `Internal error: ${detail}` } },
  };
}
