import {
  builtInAttributes,
  coerceAttributeValue,
  isInboundAttribute,
  lookupDeclaration,
  type AttributeDeclaration,
  type AttributeValue,
  type AttributeValues,
  type Element,
  type ElementContext,
  type ElementEffect,
  type WaitFor,
} from '@parley/elements';
import type { CloseReason } from './close-reason-schema';
import { effectKey, timerId } from './command-ids';
import type { Command, TimerKind } from './command-schema';
import type { UserMessageEvent } from './engine-event-schema';
import type { ComponentDefinition, Dialog, Flow } from './flow-schema';
import {
  currentSessionSchemaVersion,
  type ComponentFrame,
  type Position,
  type SessionState,
  type WaitingState,
} from './session-state-schema';
import type { IgnoreReason, StepError, StepResult } from './step-result-schema';
import type { TraceEntry } from './trace-entry-schema';

/** Everything non-deterministic a step may use. */
export type StepDeps = {
  /** The step's time, epoch ms: timers are due relative to it. */
  now: number;
  /** Uniform in [0, 1); called only when an element makes a random choice. */
  random: () => number;
  /** The runner's session id, stored in the inbound attribute `sessionId` when a session starts. */
  sessionId?: string;
  /**
   * Values of the bot's person-scoped attributes remembered from earlier sessions of
   * this end user (the runner loads them from the person's profile). Applied when a
   * session starts, after declared defaults; names that are not declared with scope
   * 'person' are ignored, values are coerced like any write.
   */
  personAttributes?: Readonly<Record<string, AttributeValue>>;
};

/** The working state of one accepted step. Local to the step; mutated only while it runs. */
export type Turn = {
  readonly flow: Flow;
  readonly deps: StepDeps;
  readonly previous: SessionState | null;
  readonly number: number;
  /** The bot's attribute values (inbound ones included). */
  readonly attributes: AttributeValues;
  /** Running components, innermost last. */
  frames: ComponentFrame[];
  buffer: UserMessageEvent[];
  expiring: boolean;
  /** Final values of bot attributes set in this step, in order of first change. */
  readonly changes: Map<string, AttributeValue>;
  /** Commands so far: cancels of consumed timers and element effects, in order. */
  readonly commands: Command[];
  readonly trace: TraceEntry[];
  /** The session-expiry timer to cancel when the step ends (null: none, or it just fired). */
  expiryToCancel: string | null;
  effectCount: number;
  executions: number;
  /** Declarations by scope (bot: ''), built lazily. */
  readonly declarationCache: Map<string, Readonly<Record<string, AttributeDeclaration>>>;
};

/** An element found in the current scope, with where it is. */
export type Located = { dialog: Dialog; element: Element; position: Position };

/**
 * The bot, or the innermost running component: whose dialogs positions and dialog ids
 * refer to, and whose attributes elements read and write.
 */
export type Scope = {
  readonly componentId: string | undefined;
  readonly dialogs: readonly Dialog[];
  readonly declarations: Readonly<Record<string, AttributeDeclaration>>;
};

export function beginTurn(flow: Flow, previous: SessionState | null, deps: StepDeps): Turn {
  return {
    flow,
    deps,
    previous,
    number: (previous?.turn ?? 0) + 1,
    attributes: { ...previous?.attributes },
    frames: (previous?.frames ?? []).map((frame) => ({ ...frame, attributes: { ...frame.attributes }, outputs: [...frame.outputs] })),
    buffer: [...(previous?.buffer ?? [])],
    expiring: previous?.expiring ?? false,
    changes: new Map(),
    commands: [],
    trace: [],
    expiryToCancel: previous?.expiryTimerId ?? null,
    effectCount: 0,
    executions: 0,
    declarationCache: new Map(),
  };
}

// ---------------------------------------------------------------- scopes

export function findComponent(flow: Flow, componentId: string): ComponentDefinition | undefined {
  return (flow.components ?? []).find((component) => component.id === componentId);
}

/** Declarations visible in a scope: the scope's own plus the built-in (inbound) ones. */
export function declarationsOf(own: readonly AttributeDeclaration[]): Record<string, AttributeDeclaration> {
  const table: Record<string, AttributeDeclaration> = {};
  for (const declaration of [...builtInAttributes, ...own]) {
    if (!Object.hasOwn(table, declaration.name)) table[declaration.name] = declaration;
  }
  return table;
}

export function componentDeclarations(component: ComponentDefinition): AttributeDeclaration[] {
  return [...component.inputs, ...component.outputs, ...component.attributes];
}

/** The current scope; undefined when the innermost frame names a component the flow lacks. */
export function currentScope(turn: Turn): Scope | undefined {
  const frame = turn.frames.at(-1);
  if (frame === undefined) return { componentId: undefined, dialogs: turn.flow.dialogs, declarations: cachedDeclarations(turn, '', turn.flow.attributes) };
  const component = findComponent(turn.flow, frame.componentId);
  if (component === undefined) return undefined;
  return { componentId: component.id, dialogs: component.dialogs, declarations: cachedDeclarations(turn, component.id, componentDeclarations(component)) };
}

function cachedDeclarations(turn: Turn, key: string, own: readonly AttributeDeclaration[]): Readonly<Record<string, AttributeDeclaration>> {
  const cached = turn.declarationCache.get(key);
  if (cached !== undefined) return cached;
  const built = declarationsOf(own);
  turn.declarationCache.set(key, built);
  return built;
}

export function locate(scope: Scope, position: Position): Located | undefined {
  const dialog = scope.dialogs.find((candidate) => candidate.id === position.dialogId);
  const element = dialog?.elements.find((candidate) => candidate.id === position.elementId);
  return dialog === undefined || element === undefined ? undefined : { dialog, element, position: { ...position } };
}

/** Attribute values an element of the current scope sees (inbound ones included). */
export function visibleAttributes(turn: Turn): AttributeValues {
  const frame = turn.frames.at(-1);
  if (frame === undefined) return turn.attributes;
  const visible: AttributeValues = {};
  for (const { name } of builtInAttributes) {
    const value = Object.hasOwn(turn.attributes, name) ? turn.attributes[name] : undefined;
    if (value !== undefined) defineOwn(visible, name, value);
  }
  for (const [name, value] of Object.entries(frame.attributes)) defineOwn(visible, name, value);
  return visible;
}

export function context(turn: Turn): ElementContext {
  return {
    attributes: visibleAttributes(turn),
    declarations: currentScope(turn)?.declarations ?? declarationsOf([]),
    now: turn.deps.now,
    random: turn.deps.random,
  };
}

// ---------------------------------------------------------------- attributes

/**
 * Writes an attribute of the current scope on behalf of the flow: it must be declared
 * there and not inbound, and the value is coerced to the declared type. A refused write
 * leaves the attribute as it was and adds an 'attribute-rejected' trace entry.
 */
export function writeAttribute(turn: Turn, name: string, value: unknown): void {
  const scope = currentScope(turn);
  const componentId = scope?.componentId;
  const reject = (message: string): void => {
    turn.trace.push(withComponent({ kind: 'attribute-rejected', name, message }, componentId));
  };
  if (isInboundAttribute(name)) return reject(`"${name}" is an inbound attribute; only the engine sets it.`);
  const declaration = scope === undefined ? undefined : lookupDeclaration(scope.declarations, name);
  if (declaration === undefined) return reject(`"${name}" is not a declared attribute.`);
  const coerced = coerceAttributeValue(declaration.type, value);
  if (!coerced.ok) return reject(`Not a valid ${declaration.type}: ${coerced.message}`);
  const frame = turn.frames.at(-1);
  if (frame === undefined) {
    setBotAttribute(turn, name, coerced.value);
  } else if (!sameValue(frame.attributes, name, coerced.value)) {
    defineOwn(frame.attributes, name, coerced.value);
    turn.trace.push({ kind: 'attribute-set', name, value: coerced.value, componentId: frame.componentId });
  }
}

/** Sets an inbound attribute (engine only: no declaration, no coercion). */
export function setInbound(turn: Turn, name: string, value: AttributeValue): void {
  setBotAttribute(turn, name, value);
}

/** Sets an own property of the bot's values (safe for any name); unchanged values are not recorded. */
function setBotAttribute(turn: Turn, name: string, value: AttributeValue): void {
  if (sameValue(turn.attributes, name, value)) return;
  defineOwn(turn.attributes, name, value);
  turn.changes.set(name, value);
  turn.trace.push({ kind: 'attribute-set', name, value });
}

/** Writes each declared default value (coerced) of the current scope. */
export function applyDefaults(turn: Turn, declarations: readonly AttributeDeclaration[]): void {
  for (const declaration of declarations) {
    if (declaration.defaultValue !== undefined) writeAttribute(turn, declaration.name, declaration.defaultValue);
  }
}

/** Writes remembered person-scoped attribute values (see StepDeps.personAttributes). */
export function applyPersonAttributes(
  turn: Turn,
  declarations: readonly AttributeDeclaration[],
  values: Readonly<Record<string, AttributeValue>> | undefined,
): void {
  if (values === undefined) return;
  for (const declaration of declarations) {
    if (declaration.scope === 'person' && Object.hasOwn(values, declaration.name)) {
      const value = values[declaration.name];
      if (value !== undefined) writeAttribute(turn, declaration.name, value);
    }
  }
}

/** Records the inbound attributes a user message carries. */
export function acceptMessage(turn: Turn, event: UserMessageEvent): void {
  setInbound(turn, 'lastReceivedMessage', event.text);
  if (event.contact !== undefined) setInbound(turn, 'endUserDestination', event.contact);
  if (event.channel !== undefined) setInbound(turn, 'channel', event.channel);
}

function sameValue(values: AttributeValues, name: string, value: AttributeValue): boolean {
  return Object.hasOwn(values, name) && JSON.stringify(values[name]) === JSON.stringify(value);
}

function defineOwn(values: AttributeValues, name: string, value: AttributeValue): void {
  Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
}

function withComponent<T extends TraceEntry>(entry: T, componentId: string | undefined): T {
  return componentId === undefined ? entry : { ...entry, componentId };
}

// ---------------------------------------------------------------- effects

/** Turns an effect into a command with the step's next key; returns the key. */
export function emitEffect(turn: Turn, effect: ElementEffect): string {
  const key = effectKey(turn.number, turn.effectCount);
  turn.effectCount += 1;
  switch (effect.type) {
    case 'send':
      turn.commands.push({
        type: 'send',
        key,
        text: effect.text,
        ...(effect.buttons === undefined ? {} : { buttons: effect.buttons }),
        ...(effect.linkPreview === true ? { linkPreview: true } : {}),
      });
      break;
    case 'call':
      turn.commands.push({ type: 'call', key, call: effect.call });
      turn.trace.push({ kind: 'call-emitted', key, name: effect.call.name });
      break;
  }
  return key;
}

export function cancelTimer(turn: Turn, id: string | null): void {
  if (id !== null) turn.commands.push({ type: 'timer.cancel', timerId: id });
}

/** Drops every running component without copying outputs (bot fallback, expiry). */
export function leaveAllComponents(turn: Turn): void {
  for (const frame of [...turn.frames].reverse()) turn.trace.push({ kind: 'component-left', componentId: frame.componentId });
  turn.frames = [];
}

export function dropBuffer(turn: Turn, reason: 'session-closed' | 'session-expired'): void {
  for (const message of turn.buffer) turn.trace.push({ kind: 'message-dropped', messageId: message.messageId, reason });
  turn.buffer = [];
}

// ---------------------------------------------------------------- step results

/** The timer a wait arms, if any: kind and seconds. */
function waitTimer(waitFor: WaitFor): { kind: TimerKind; seconds: number } | undefined {
  switch (waitFor.kind) {
    case 'user.message':
      return waitFor.timeoutSeconds === undefined ? undefined : { kind: 'reply-timeout', seconds: waitFor.timeoutSeconds };
    case 'timer':
      return { kind: 'delay', seconds: waitFor.seconds };
    case 'call.result':
      return waitFor.timeoutSeconds === undefined ? undefined : { kind: 'call-timeout', seconds: waitFor.timeoutSeconds };
  }
}

/** Ends the step waiting for `waitFor` at `position`, arming its timer (if any). */
export function wait(turn: Turn, position: Position, waitFor: WaitFor, call: WaitingState['call']): StepResult {
  const timer = waitTimer(waitFor);
  let waitTimerId: string | null = null;
  if (timer !== undefined) {
    waitTimerId = timerId(turn.number, timer.kind);
    const dueAt = turn.deps.now + timer.seconds * 1000;
    turn.commands.push({ type: 'timer.set', timerId: waitTimerId, kind: timer.kind, dueAt });
    turn.trace.push({ kind: 'timer-set', timerId: waitTimerId, timerKind: timer.kind, dueAt });
  }
  return settle(turn, position, { waitFor, timerId: waitTimerId, call });
}

/**
 * Ends the step with the session active and `waiting` (already armed). Re-arms the
 * session-expiry timer: every accepted step that leaves the session active does.
 */
export function settle(turn: Turn, position: Position, waiting: WaitingState): StepResult {
  const commands = [...turn.commands, ...attributesChanged(turn)];
  if (turn.expiryToCancel !== null) commands.push({ type: 'timer.cancel', timerId: turn.expiryToCancel });
  const expiryTimerId = timerId(turn.number, 'session-expiry');
  const dueAt = turn.deps.now + turn.flow.settings.sessionTimeoutSeconds * 1000;
  commands.push({ type: 'timer.set', timerId: expiryTimerId, kind: 'session-expiry', dueAt });
  turn.trace.push({ kind: 'timer-set', timerId: expiryTimerId, timerKind: 'session-expiry', dueAt });
  return {
    session: {
      ...sessionBase(turn),
      status: 'active',
      position,
      waiting,
      frames: turn.frames,
      buffer: turn.buffer,
      expiring: turn.expiring,
      expiryTimerId,
      closeReason: null,
    },
    commands,
    outcome: { kind: 'waiting', waitFor: waiting.waitFor },
    trace: turn.trace,
  };
}

/**
 * Ends the step with the session closed. While the Session Expire dialog runs, a normal
 * end ('completed', 'end-of-flow') closes the session as 'expired'. Buffered messages
 * are dropped (trace 'message-dropped').
 */
export function close(turn: Turn, position: Position | null, reason: CloseReason, error?: StepError): StepResult {
  const finalReason: CloseReason = turn.expiring && (reason === 'completed' || reason === 'end-of-flow') ? 'expired' : reason;
  dropBuffer(turn, 'session-closed');
  const commands = [...turn.commands, ...attributesChanged(turn)];
  if (turn.expiryToCancel !== null) commands.push({ type: 'timer.cancel', timerId: turn.expiryToCancel });
  commands.push({ type: 'session.close', reason: finalReason });
  return {
    session: {
      ...sessionBase(turn),
      status: 'closed',
      position,
      waiting: null,
      frames: [],
      buffer: [],
      expiring: false,
      expiryTimerId: null,
      closeReason: finalReason,
    },
    commands,
    outcome: error === undefined ? { kind: 'closed', reason: finalReason } : { kind: 'closed', reason: finalReason, error },
    trace: turn.trace,
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

export function ignore(session: SessionState, reason: IgnoreReason, trace: TraceEntry[] = []): StepResult {
  return { session, commands: [], outcome: { kind: 'ignored', reason }, trace };
}

export function emptyClosedSession(now: number): SessionState {
  return {
    schemaVersion: currentSessionSchemaVersion,
    status: 'closed',
    position: null,
    waiting: null,
    attributes: {},
    frames: [],
    buffer: [],
    expiring: false,
    turn: 0,
    startedAt: now,
    updatedAt: now,
    expiryTimerId: null,
    closeReason: 'error',
  };
}

export function brokenFlow(detail: string): StepError {
  return { code: 'broken-flow', message: `The flow is broken: ${detail}.` };
}
