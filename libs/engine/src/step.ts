import {
  bindElement,
  defaultPort,
  type AttributeMapping,
  type AttributeValue,
  type ElementOutcome,
  type ResumeEvent,
} from '@parley/elements';
import { applyFallback } from './apply-fallback';
import type { Command } from './command-schema';
import type { EngineEvent, UserMessageEvent } from './engine-event-schema';
import type { Flow } from './flow-schema';
import { currentSessionSchemaVersion, maxBufferedMessages, type Position, type SessionState, type WaitingState } from './session-state-schema';
import type { StepError, StepResult } from './step-result-schema';
import {
  acceptMessage,
  applyDefaults,
  applyPersonAttributes,
  beginTurn,
  brokenFlow,
  cancelTimer,
  close,
  componentDeclarations,
  context,
  currentScope,
  dropBuffer,
  emitEffect,
  emptyClosedSession,
  findComponent,
  ignore,
  leaveAllComponents,
  locate,
  setInbound,
  settle,
  visibleAttributes,
  wait,
  writeAttribute,
  type Located,
  type StepDeps,
  type Turn,
} from './turn';

export type { StepDeps } from './turn';

/** More element runs than this in one step close the session with a 'loop-limit' error. */
export const maxElementExecutionsPerStep = 100;

/** Components nested deeper than this close the session with a 'broken-flow' error. */
export const maxComponentDepth = 10;

/**
 * Advances one session by one event. Pure, synchronous and deterministic: the same
 * (flow, session, event, deps.now, random sequence) always gives the same result.
 * Never throws; failures close the session with reason 'error' (see StepError).
 *
 * - session null + user.message: starts a session at the entry dialog's start element,
 *   after the declared defaults and the inbound attributes are set. The message is
 *   recorded as `lastReceivedMessage` but is not a reply: a User response at the start
 *   waits for the *next* message.
 * - Elements run until one waits or the session ends (at most maxElementExecutionsPerStep
 *   runs per step), following outcomes: continue / goto / fallback / enter-component /
 *   return / wait / end (docs/element-contract.md).
 * - user.message while waiting for one: inbound attributes are recorded, the wait's timer
 *   (if any) is cancelled, and the waiting element resumes. While waiting for a timer or
 *   a call result, the message is buffered (at most maxBufferedMessages) and delivered
 *   when the session next waits for a user message.
 * - timer.fired: the wait's timer resumes the element (`timeout`, or `timer` for a timer
 *   wait); the expiry timer runs the Session Expire dialog, or closes ('expired'); any
 *   other timer id is stale and ignored.
 * - call.result: with the key of the awaited call, resumes the element; else ignored.
 * - Ignored events return the session unchanged with no commands; `turn` counts accepted
 *   steps only.
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
      if (waiting === null || waiting.timerId === null || waiting.timerId !== event.timerId) {
        return ignore(session, 'stale-timer', [{ kind: 'timer-ignored', timerId: event.timerId }]);
      }
      const turn = beginTurn(flow, session, deps);
      turn.trace.push({ kind: 'timer-fired', timerId: event.timerId });
      return resume(turn, session, waiting, waiting.waitFor.kind === 'timer' ? { type: 'timer' } : { type: 'timeout' });
    }
    case 'user.message': {
      if (waiting === null) return ignore(session, 'unexpected-event');
      const turn = beginTurn(flow, session, deps);
      if (waiting.waitFor.kind !== 'user.message') return buffer(turn, session, waiting, event);
      acceptMessage(turn, event);
      cancelTimer(turn, waiting.timerId);
      return resume(turn, session, waiting, { type: 'user.message', text: event.text });
    }
    case 'call.result': {
      const call = waiting?.call ?? null;
      if (waiting === null || waiting.waitFor.kind !== 'call.result' || call === null || call.key !== event.key) {
        return ignore(session, 'stale-call-result', [{ kind: 'call-ignored', key: event.key }]);
      }
      const turn = beginTurn(flow, session, deps);
      cancelTimer(turn, waiting.timerId);
      if (call.name.startsWith('profile.')) {
        setInbound(turn, 'lastCustomerProfilesStatusCode', event.ok ? 'Success' : (event.error?.code ?? 'Error'));
      }
      turn.trace.push({ kind: 'call-resumed', key: call.key, name: call.name, ok: event.ok });
      const resumeEvent: ResumeEvent = { type: 'call.result', ok: event.ok };
      if (event.result !== undefined) resumeEvent.result = event.result;
      if (event.error !== undefined) resumeEvent.error = event.error;
      return resume(turn, session, waiting, resumeEvent);
    }
  }
}

function start(flow: Flow, event: UserMessageEvent, deps: StepDeps): StepResult {
  const turn = beginTurn(flow, null, deps);
  if (deps.sessionId !== undefined) setInbound(turn, 'sessionId', deps.sessionId);
  acceptMessage(turn, event);
  applyDefaults(turn, flow.attributes);
  applyPersonAttributes(turn, flow.attributes, deps.personAttributes);
  const dialog = flow.dialogs.find((candidate) => candidate.id === flow.entryDialogId);
  const scope = currentScope(turn);
  const entry = dialog && scope && locate(scope, { dialogId: dialog.id, elementId: dialog.startElementId });
  if (entry === undefined) {
    return close(turn, null, 'error', brokenFlow(`the entry dialog "${flow.entryDialogId}" or its start element is missing`));
  }
  return drive(turn, { kind: 'run', at: entry });
}

/** A user message while the session waits for a timer or a call: kept for later. */
function buffer(turn: Turn, session: SessionState, waiting: WaitingState, event: UserMessageEvent): StepResult {
  turn.buffer.push(event);
  turn.trace.push({ kind: 'message-buffered', messageId: event.messageId });
  while (turn.buffer.length > maxBufferedMessages) {
    const dropped = turn.buffer.shift();
    if (dropped !== undefined) turn.trace.push({ kind: 'message-dropped', messageId: dropped.messageId, reason: 'buffer-full' });
  }
  const position = session.position;
  if (position === null) return close(turn, null, 'error', brokenFlow('a waiting session has no position'));
  return settle(turn, position, waiting);
}

/**
 * The expiry timer fired. With a Session Expire dialog (and not already running it), the
 * dialog runs now, at the bot level; the session closes 'expired' when it ends. A second
 * expiry while it runs closes the session at once.
 */
function expire(flow: Flow, session: SessionState, deps: StepDeps): StepResult {
  const turn = beginTurn(flow, session, deps);
  turn.expiryToCancel = null; // it is the timer that fired
  cancelTimer(turn, session.waiting?.timerId ?? null);
  const dialog = flow.dialogs.find((candidate) => candidate.id === flow.sessionExpireDialogId);
  if (session.expiring || dialog === undefined) return close(turn, session.position, 'expired');
  leaveAllComponents(turn);
  dropBuffer(turn, 'session-expired');
  turn.expiring = true;
  turn.trace.push({ kind: 'session-expiring', dialogId: dialog.id });
  const scope = currentScope(turn);
  const entry = scope && locate(scope, { dialogId: dialog.id, elementId: dialog.startElementId });
  if (entry === undefined) return close(turn, session.position, 'expired');
  return drive(turn, { kind: 'run', at: entry });
}

function resume(turn: Turn, session: SessionState, waiting: WaitingState, event: ResumeEvent): StepResult {
  const scope = currentScope(turn);
  const here = session.position === null || scope === undefined ? undefined : locate(scope, session.position);
  if (here === undefined) return close(turn, session.position, 'error', brokenFlow('the waiting element is no longer in the flow'));
  return drive(turn, resumeDirective(turn, here, waiting, event));
}

function resumeDirective(turn: Turn, here: Located, waiting: WaitingState, event: ResumeEvent): Directive {
  const onEvent = bindElement(here.element).onEvent;
  if (onEvent === undefined) {
    return done(close(turn, here.position, 'error', brokenFlow(`element "${here.element.id}" (${here.element.type}) cannot be resumed`)));
  }
  turn.executions += 1;
  turn.trace.push({ kind: 'element-resumed', dialogId: here.dialog.id, elementId: here.element.id, event: event.type, ...inComponent(turn) });
  return { kind: 'outcome', at: here, outcome: onEvent(waiting.waitFor, event, context(turn)) };
}

/**
 * What the step does next:
 * - run: run the element `at` (it was just reached);
 * - outcome: apply the outcome of the element `at`;
 * - leave: leave `from` through `port` (follow the edge, or end the scope);
 * - done: the step is over.
 */
type Directive =
  | { kind: 'run'; at: Located }
  | { kind: 'outcome'; at: Located; outcome: ElementOutcome }
  | { kind: 'leave'; from: Located; port: string }
  | { kind: 'done'; result: StepResult };

function done(result: StepResult): Directive {
  return { kind: 'done', result };
}

/** Follows directives until the step is over. */
function drive(turn: Turn, first: Directive): StepResult {
  let directive = first;
  for (;;) {
    switch (directive.kind) {
      case 'done':
        return directive.result;
      case 'run':
        directive = runElement(turn, directive.at);
        break;
      case 'outcome':
        directive = handleOutcome(turn, directive.at, directive.outcome);
        break;
      case 'leave':
        directive = leave(turn, directive.from, directive.port);
        break;
    }
  }
}

function runElement(turn: Turn, at: Located): Directive {
  if (turn.executions >= maxElementExecutionsPerStep) return done(loopLimit(turn, at.position));
  turn.executions += 1;
  turn.trace.push({ kind: 'element-entered', dialogId: at.dialog.id, elementId: at.element.id, elementType: at.element.type, ...inComponent(turn) });
  return { kind: 'outcome', at, outcome: bindElement(at.element).run(context(turn)) };
}

function handleOutcome(turn: Turn, at: Located, outcome: ElementOutcome): Directive {
  for (const [name, value] of Object.entries(outcome.attributes)) writeAttribute(turn, name, value);
  let call: WaitingState['call'] = null;
  for (const effect of outcome.effects) {
    const key = emitEffect(turn, effect);
    if (effect.type === 'call') call = { key, name: effect.call.name };
  }
  switch (outcome.kind) {
    case 'continue':
      return { kind: 'leave', from: at, port: outcome.port };
    case 'wait': {
      if (outcome.waitFor.kind === 'call.result' && call === null) {
        return done(close(turn, at.position, 'error', brokenFlow(`element "${at.element.id}" waits for a call result but made no call`)));
      }
      const next = turn.buffer[0];
      if (outcome.waitFor.kind === 'user.message' && next !== undefined) {
        // A message that arrived during a delay or a call: it answers this wait right away.
        turn.buffer.shift();
        turn.trace.push({ kind: 'message-delivered', messageId: next.messageId });
        acceptMessage(turn, next);
        if (turn.executions >= maxElementExecutionsPerStep) return done(loopLimit(turn, at.position));
        return resumeDirective(turn, at, { waitFor: outcome.waitFor, timerId: null, call: null }, { type: 'user.message', text: next.text });
      }
      return done(wait(turn, at.position, outcome.waitFor, outcome.waitFor.kind === 'call.result' ? call : null));
    }
    case 'end':
      return done(close(turn, at.position, outcome.reason));
    case 'goto':
      return gotoDialog(turn, at, outcome.dialogId, outcome.share ?? []);
    case 'fallback': {
      const plan = applyFallback(turn, at, outcome.fallback);
      switch (plan.kind) {
        case 'goto':
          if (plan.inBot) leaveAllComponents(turn);
          return gotoDialog(turn, at, plan.dialogId, []);
        case 'leave':
          return { kind: 'leave', from: at, port: plan.port };
        case 'close':
          return done(close(turn, at.position, plan.reason));
      }
      break;
    }
    case 'enter-component':
      return enterComponent(turn, at, outcome.componentId, outcome.inputs, outcome.outputs);
    case 'return':
      return endScope(turn, at);
  }
}

/** Follows the edge from `port` of `from`; an unconnected port ends the current scope. */
function leave(turn: Turn, from: Located, port: string): Directive {
  const edge = from.dialog.edges.find((candidate) => candidate.from === from.element.id && (candidate.port ?? defaultPort) === port);
  if (edge === undefined) return endScope(turn, from);
  const scope = currentScope(turn);
  const next = scope === undefined ? undefined : locate(scope, { dialogId: from.dialog.id, elementId: edge.to });
  if (next === undefined) return done(close(turn, from.position, 'error', brokenFlow(`edge "${edge.id}" leads to a missing element "${edge.to}"`)));
  return { kind: 'run', at: next };
}

/**
 * The flow of the current scope is over: in the bot, the session ends ('end-of-flow');
 * in a component, the component returns (outputs copied back) and the caller continues
 * through its 'next' port.
 */
function endScope(turn: Turn, from: Located): Directive {
  const frame = turn.frames.at(-1);
  if (frame === undefined) return done(close(turn, from.position, 'end-of-flow'));
  const values = visibleAttributes(turn);
  const outputs = frame.outputs.flatMap((mapping) => readValue(values, mapping.from, mapping.to));
  turn.frames = turn.frames.slice(0, -1);
  turn.trace.push({ kind: 'component-returned', componentId: frame.componentId });
  for (const { to, value } of outputs) writeAttribute(turn, to, value);
  const scope = currentScope(turn);
  const caller = scope === undefined ? undefined : locate(scope, frame.caller);
  if (caller === undefined) return done(close(turn, from.position, 'error', brokenFlow(`the Component element "${frame.caller.elementId}" is missing`)));
  return { kind: 'leave', from: caller, port: defaultPort };
}

/** Copies the shared values (read first, then written, so swaps work) and runs the dialog's start. */
function gotoDialog(turn: Turn, at: Located, dialogId: string, share: readonly AttributeMapping[]): Directive {
  const values = visibleAttributes(turn);
  const copies = share.flatMap((mapping) => readValue(values, mapping.from, mapping.to));
  for (const { to, value } of copies) writeAttribute(turn, to, value);
  const scope = currentScope(turn);
  const dialog = scope?.dialogs.find((candidate) => candidate.id === dialogId);
  const start = scope !== undefined && dialog !== undefined ? locate(scope, { dialogId: dialog.id, elementId: dialog.startElementId }) : undefined;
  if (start === undefined) return done(close(turn, at.position, 'error', brokenFlow(`there is no dialog "${dialogId}" (or it has no start element)`)));
  turn.trace.push({ kind: 'dialog-entered', dialogId, ...inComponent(turn) });
  return { kind: 'run', at: start };
}

function enterComponent(
  turn: Turn,
  at: Located,
  componentId: string,
  inputs: readonly AttributeMapping[],
  outputs: readonly AttributeMapping[],
): Directive {
  const component = findComponent(turn.flow, componentId);
  if (component === undefined) return done(close(turn, at.position, 'error', brokenFlow(`there is no component "${componentId}"`)));
  if (turn.frames.length >= maxComponentDepth) {
    return done(close(turn, at.position, 'error', brokenFlow(`components nest deeper than ${maxComponentDepth} (a component includes itself?)`)));
  }
  const values = visibleAttributes(turn);
  const copies = inputs.flatMap((mapping) => readValue(values, mapping.from, mapping.to));
  turn.frames = [...turn.frames, { componentId, caller: at.position, attributes: {}, outputs: outputs.map(({ from, to }) => ({ from, to })) }];
  turn.trace.push({ kind: 'component-entered', componentId });
  applyDefaults(turn, componentDeclarations(component));
  for (const { to, value } of copies) writeAttribute(turn, to, value);
  const dialog = component.dialogs.find((candidate) => candidate.id === component.entryDialogId);
  const scope = currentScope(turn);
  const entry = dialog !== undefined && scope !== undefined ? locate(scope, { dialogId: dialog.id, elementId: dialog.startElementId }) : undefined;
  if (entry === undefined) {
    return done(close(turn, at.position, 'error', brokenFlow(`component "${componentId}" has no entry dialog "${component.entryDialogId}" or start element`)));
  }
  return { kind: 'run', at: entry };
}

function readValue(values: Readonly<Record<string, AttributeValue>>, from: string, to: string): { to: string; value: AttributeValue }[] {
  const value = Object.hasOwn(values, from) ? values[from] : undefined;
  return value === undefined ? [] : [{ to, value }];
}

/** `{ componentId }` of the running component, to spread into trace entries ({} in the bot). */
function inComponent(turn: Turn): { componentId?: string } {
  const componentId = turn.frames.at(-1)?.componentId;
  return componentId === undefined ? {} : { componentId };
}

function loopLimit(turn: Turn, position: Position): StepResult {
  const error: StepError = {
    code: 'loop-limit',
    message: `More than ${maxElementExecutionsPerStep} elements ran in one step without waiting; the flow probably loops.`,
  };
  return close(turn, position, 'error', error);
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
  const cancels: Command[] = held.flatMap((id): Command[] => (id === null || id === fired ? [] : [{ type: 'timer.cancel', timerId: id }]));
  const detail = caught instanceof Error ? caught.message : String(caught);
  return {
    session: {
      schemaVersion: currentSessionSchemaVersion,
      status: 'closed',
      position: session?.position ?? null,
      waiting: null,
      attributes: session?.attributes ?? {},
      frames: [],
      buffer: [],
      expiring: false,
      turn: (session?.turn ?? 0) + 1,
      startedAt: session?.startedAt ?? deps.now,
      updatedAt: deps.now,
      expiryTimerId: null,
      closeReason: 'error',
    },
    commands: [...cancels, { type: 'session.close', reason: 'error' }],
    outcome: { kind: 'closed', reason: 'error', error: { code: 'internal', message: `Internal error: ${detail}` } },
    trace: [],
  };
}
