import { describe, expect, it } from 'vitest';
import { commandSchema } from './command-schema';
import { demoFlow } from './demo-flow';
import type { EngineEvent } from './engine-event-schema';
import { flowSchema, type Flow, type FlowInput } from './flow-schema';
import { migrateFlow } from './migrate-flow';
import { migrateSessionState, parseSessionState } from './migrate-session-state';
import { seededRandom } from './seeded-random';
import { sessionStateSchema, type SessionState } from './session-state-schema';
import { maxElementExecutionsPerStep, step, type StepDeps } from './step';
import type { StepResult } from './step-result-schema';
import { validateFlow } from './validate-flow';

const deps = (now = 0): StepDeps => ({ now, random: seededRandom(7) });
const say = (text: string, n = 1): EngineEvent => ({ type: 'user.message', messageId: `m${n}`, text, receivedAt: 0 });
const sends = (result: StepResult): string[] => result.commands.flatMap((command) => (command.type === 'send' ? [command.text] : []));

function oneDialog(elements: FlowInput['dialogs'][number]['elements'], edges: FlowInput['dialogs'][number]['edges']): Flow {
  return flowSchema.parse({
    version: 1,
    attributes: [],
    entryDialogId: 'main',
    dialogs: [{ id: 'main', name: 'Main', startElementId: elements[0]?.id ?? 'none', elements, edges }],
  });
}

function expectWellFormed(result: StepResult): void {
  expect(sessionStateSchema.safeParse(result.session).error).toBeUndefined();
  for (const command of result.commands) expect(commandSchema.safeParse(command).error).toBeUndefined();
}

describe('step: the demo flow', () => {
  it('is valid and holds the conversation the end-to-end test expects', () => {
    expect(validateFlow(demoFlow)).toEqual({ ok: true, errors: [], warnings: [] });
    const first = step(demoFlow, null, say('hi'), deps(0));
    expect(sends(first)).toEqual(["Hi! I'm the Parley demo bot. What's your name?"]);
    const second = step(demoFlow, first.session, say('Ana', 2), deps(1000));
    expect(sends(second)).toEqual(['Nice to meet you, Ana! Ask me anything, or say bye.']);
    const third = step(demoFlow, second.session, say('what is Parley?', 3), deps(2000));
    expect(sends(third)).toEqual(['You said: what is Parley?. Bye for now!']);
    expect(third.session).toMatchObject({
      status: 'closed',
      closeReason: 'completed',
      turn: 3,
      startedAt: 0,
      updatedAt: 2000,
      attributes: { name: 'Ana', question: 'what is Parley?', lastReceivedMessage: 'what is Parley?' },
    });
    [first, second, third].forEach(expectWellFormed);
  });

  it('does not mutate its inputs and is deterministic', () => {
    const first = step(demoFlow, null, say('hi'), deps(0));
    const snapshot = structuredClone(first.session);
    const flowSnapshot = structuredClone(demoFlow);
    const a = step(demoFlow, first.session, say('Ana', 2), deps(1000));
    const b = step(demoFlow, first.session, say('Ana', 2), deps(1000));
    expect(a).toEqual(b);
    expect(first.session).toEqual(snapshot);
    expect(demoFlow).toEqual(flowSnapshot);
  });
});

describe('step: guards', () => {
  it('stops a flow that loops without waiting after the element limit, with an error outcome', () => {
    const flow = oneDialog(
      [
        { id: 'ping', type: 'send-message', text: 'ping' },
        { id: 'pong', type: 'send-message', text: 'pong' },
      ],
      [
        { id: 'e1', from: 'ping', to: 'pong' },
        { id: 'e2', from: 'pong', to: 'ping' },
      ],
    );
    const result = step(flow, null, say('hi'), deps());
    expect(sends(result)).toHaveLength(maxElementExecutionsPerStep);
    expect(result.outcome).toMatchObject({ kind: 'closed', reason: 'error', error: { code: 'loop-limit' } });
    expect(result.session.status).toBe('closed');
    expect(result.commands.at(-1)).toEqual({ type: 'session.close', reason: 'error' });
    expectWellFormed(result);
  });

  it('ignores a timer without a session, returning an empty closed session', () => {
    const result = step(demoFlow, null, { type: 'timer.fired', timerId: '1:session-expiry' }, deps(5));
    expect(result.outcome).toEqual({ kind: 'ignored', reason: 'no-session' });
    expect(result.commands).toEqual([]);
    expect(result.session).toMatchObject({ status: 'closed', turn: 0, attributes: {} });
    expectWellFormed(result);
  });

  it('ignores a message while the session waits for something else', () => {
    const started = step(demoFlow, null, say('hi'), deps());
    const odd: SessionState = { ...started.session, waiting: null };
    // Not a state step produces; it stands in for waits of later element types.
    const result = step(demoFlow, odd, say('x', 2), deps());
    expect(result.outcome).toEqual({ kind: 'ignored', reason: 'unexpected-event' });
    expect(result.session).toBe(odd);
  });

  it('closes with a broken-flow error when the entry dialog or the waiting element is missing', () => {
    const noEntry: Flow = { ...demoFlow, entryDialogId: 'gone' };
    const result = step(noEntry, null, say('hi'), deps());
    expect(result.outcome).toMatchObject({ kind: 'closed', reason: 'error', error: { code: 'broken-flow' } });
    expectWellFormed(result);

    const started = step(demoFlow, null, say('hi'), deps());
    const edited: Flow = {
      ...demoFlow,
      dialogs: demoFlow.dialogs.map((dialog) => ({ ...dialog, elements: dialog.elements.filter((element) => element.id !== 'ask-name') })),
    };
    const resumed = step(edited, started.session, say('Ana', 2), deps());
    expect(resumed.outcome).toMatchObject({ kind: 'closed', reason: 'error', error: { code: 'broken-flow' } });
    expect(resumed.commands).toContainEqual({ type: 'timer.cancel', timerId: '1:session-expiry' });
    expectWellFormed(resumed);
  });

  it('turns an exception inside the step into an internal error instead of throwing', () => {
    const flow = oneDialog(
      [
        { id: 'pick', type: 'send-message', text: 'a', variations: ['b'] },
        { id: 'ask', type: 'user-response', timeoutSeconds: 30 },
      ],
      [
        { id: 'e1', from: 'ask', to: 'pick' },
        { id: 'e2', from: 'pick', to: 'ask' },
      ],
    );
    const started = step(flow, null, say('hi'), deps());
    const throwing: StepDeps = {
      now: 1,
      random: () => {
        throw new Error('entropy exhausted');
      },
    };
    const result = step(flow, started.session, say('again', 2), throwing);
    expect(result.outcome).toEqual({ kind: 'closed', reason: 'error', error: { code: 'internal', message: 'Internal error: entropy exhausted' } });
    expect(result.commands).toEqual([
      { type: 'timer.cancel', timerId: '1:reply-timeout' },
      { type: 'timer.cancel', timerId: '1:session-expiry' },
      { type: 'session.close', reason: 'error' },
    ]);
    expectWellFormed(result);
  });
});

describe('migrations', () => {
  it('upgrades version-1 session states: no frames, empty buffer, not expiring, no awaited call', () => {
    const v1 = {
      schemaVersion: 1,
      status: 'active',
      position: { dialogId: 'main', elementId: 'ask-name' },
      waiting: { waitFor: { kind: 'user.message', timeoutSeconds: 60 }, timerId: '1:reply-timeout' },
      attributes: { lastReceivedMessage: 'hi' },
      turn: 1,
      startedAt: 0,
      updatedAt: 0,
      expiryTimerId: '1:session-expiry',
      closeReason: null,
    };
    expect(migrateSessionState(v1)).toEqual({
      ...v1,
      schemaVersion: 2,
      waiting: { ...v1.waiting, call: null },
      frames: [],
      buffer: [],
      expiring: false,
    });
    const resumed = step(demoFlow, migrateSessionState(v1), say('Ana', 2), deps(1000));
    expect(sends(resumed)).toEqual(['Nice to meet you, Ana! Ask me anything, or say bye.']);
  });

  it('reads current session states as they are and rejects unreadable ones', () => {
    const { session } = step(demoFlow, null, say('hi'), deps());
    expect(migrateSessionState(JSON.parse(JSON.stringify(session)))).toEqual(session);
    expect(() => migrateSessionState({ schemaVersion: 99 })).toThrow(/Unreadable session state/);
    expect(parseSessionState({}).ok).toBe(false);
    expect(parseSessionState({ ...session, status: 'closed' }).ok).toBe(false); // breaks the invariants
  });

  it('reads version-1 flows, applying defaults, and rejects unreadable ones', () => {
    const { settings: _settings, ...withoutSettings } = demoFlow;
    expect(migrateFlow(withoutSettings).settings).toEqual({ sessionTimeoutSeconds: 86_400 });
    expect(() => migrateFlow({ version: 1 })).toThrow(/Unreadable flow document/);
  });
});

describe('step: inbound attributes and defaults', () => {
  it('sets sessionId, endUserDestination and channel from deps and the message, and declared defaults at the start', () => {
    const flow = flowSchema.parse({
      version: 1,
      attributes: [
        { name: 'tries', type: 'number', scope: 'session', defaultValue: '2' },
        { name: 'vip', type: 'boolean', scope: 'person', defaultValue: false },
      ],
      entryDialogId: 'main',
      dialogs: [
        {
          id: 'main',
          name: 'Main',
          startElementId: 'hello',
          elements: [
            { id: 'hello', type: 'send-message', text: '{{sessionId}} {{endUserDestination}} {{channel}} {{tries}} {{vip}}' },
            { id: 'ask', type: 'user-response' },
          ],
          edges: [{ id: 'e1', from: 'hello', to: 'ask' }],
        },
      ],
    });
    const first = step(flow, null, { type: 'user.message', messageId: 'm1', text: 'hi', receivedAt: 0, contact: '+14155552671', channel: 'whatsapp' }, { ...deps(), sessionId: 's-1' });
    expect(sends(first)).toEqual(['s-1 +14155552671 whatsapp 2 false']);
    expect(first.session.attributes).toMatchObject({ tries: 2, vip: false, sessionId: 's-1' });
  });
});

describe('step: message buffer', () => {
  const flow = oneDialog(
    [
      { id: 'pause', type: 'delay', seconds: 30 },
      { id: 'ask', type: 'user-response' },
      { id: 'echo', type: 'send-message', text: 'got {{lastReceivedMessage}}' },
    ],
    [
      { id: 'e1', from: 'pause', to: 'ask' },
      { id: 'e2', from: 'ask', to: 'echo' },
    ],
  );

  it('keeps at most 20 messages, dropping the oldest with a trace note', () => {
    let result = step(flow, null, say('hi'), deps());
    for (let index = 1; index <= 21; index += 1) {
      result = step(flow, result.session, say(`m${index}`, index + 1), deps(index));
      expect(result.outcome).toEqual({ kind: 'waiting', waitFor: { kind: 'timer', seconds: 30 } });
      expect(result.session.turn).toBe(index + 1);
      expectWellFormed(result);
    }
    expect(result.session.buffer).toHaveLength(20);
    expect(result.session.buffer[0]?.text).toBe('m2');
    expect(result.trace).toContainEqual({ kind: 'message-dropped', messageId: 'm2', reason: 'buffer-full' });
  });

  it('drops what is still buffered when the session closes, with a trace note each', () => {
    let result = step(flow, null, say('hi'), deps());
    result = step(flow, result.session, say('first', 2), deps(1));
    result = step(flow, result.session, say('second', 3), deps(2));
    const fired = step(flow, result.session, { type: 'timer.fired', timerId: '1:delay' }, deps(30_000));
    expect(sends(fired)).toEqual(['got first']);
    expect(fired.session.status).toBe('closed');
    expect(fired.trace).toContainEqual({ kind: 'message-dropped', messageId: 'm3', reason: 'session-closed' });
    expectWellFormed(fired);
  });
});

describe('step: components', () => {
  const component = (id: string, elements: FlowInput['dialogs'][number]['elements'], edges: FlowInput['dialogs'][number]['edges'] = []) => ({
    id,
    version: 1,
    name: id,
    inputs: [{ name: 'in', type: 'text' as const, scope: 'session' as const }],
    outputs: [{ name: 'out', type: 'text' as const, scope: 'session' as const }],
    attributes: [],
    entryDialogId: `${id}-main`,
    dialogs: [{ id: `${id}-main`, name: 'Main', startElementId: elements[0]?.id ?? 'none', elements, edges }],
  });
  const botWith = (components: ReturnType<typeof component>[], settings: FlowInput['settings'] = {}): Flow =>
    flowSchema.parse({
      version: 1,
      attributes: [{ name: 'result', type: 'text', scope: 'session', defaultValue: 'start' }],
      entryDialogId: 'main',
      dialogs: [
        {
          id: 'main',
          name: 'Main',
          startElementId: 'call',
          elements: [
            { id: 'call', type: 'component', componentId: 'outer', inputs: [{ from: 'result', to: 'in' }], outputs: [{ from: 'out', to: 'result' }] },
            { id: 'after', type: 'send-message', text: 'result: {{result}}' },
            { id: 'ask', type: 'user-response' },
          ],
          edges: [
            { id: 'e1', from: 'call', to: 'after' },
            { id: 'e2', from: 'after', to: 'ask' },
          ],
        },
        { id: 'help', name: 'Help', startElementId: 'helped', elements: [{ id: 'helped', type: 'send-message', text: 'bot help' }], edges: [] },
      ],
      defaultDialogId: 'help',
      components,
      settings,
    });

  it('returns through an unconnected port, and nests (inner outputs feed outer attributes)', () => {
    const flow = botWith([
      component(
        'outer',
        [
          { id: 'o-say', type: 'send-message', text: 'outer got {{in}}' },
          { id: 'o-call', type: 'component', componentId: 'inner', inputs: [{ from: 'in', to: 'in' }], outputs: [{ from: 'out', to: 'out' }] },
        ],
        [{ id: 'o1', from: 'o-say', to: 'o-call' }],
      ),
      component('inner', [
        { id: 'i-ask', type: 'user-response', saveAs: 'out' },
      ]),
    ]);
    expect(validateFlow(flow).errors).toEqual([]);
    const first = step(flow, null, say('hi'), deps());
    expect(sends(first)).toEqual(['outer got start']);
    expect(first.session.frames.map((frame) => frame.componentId)).toEqual(['outer', 'inner']);
    expect(first.session.position).toEqual({ dialogId: 'inner-main', elementId: 'i-ask' });
    const second = step(flow, first.session, say('deep', 2), deps(1));
    expect(sends(second)).toEqual(['result: deep']);
    expect(second.session.frames).toEqual([]);
    expect(second.session.attributes).not.toHaveProperty('in');
    expect(second.trace.filter((entry) => entry.kind === 'component-returned')).toEqual([
      { kind: 'component-returned', componentId: 'inner' },
      { kind: 'component-returned', componentId: 'outer' },
    ]);
    expectWellFormed(second);
  });

  it('resolves To Dialog inside a component among its own dialogs', () => {
    const outer = component('outer', [{ id: 'jump', type: 'to-dialog', dialogId: 'outer-two', shareAttributes: [{ from: 'in', to: 'out' }] }]);
    outer.dialogs.push({ id: 'outer-two', name: 'Two', startElementId: 'two', elements: [{ id: 'two', type: 'send-message', text: 'two: {{out}}' }], edges: [] });
    const flow = botWith([outer]);
    expect(validateFlow(flow).errors).toEqual([]);
    const result = step(flow, null, say('hi'), deps());
    expect(sends(result)).toEqual(['two: start', 'result: start']);
  });

  it("leaves every component when the bot's default fallback goes to a bot dialog", () => {
    const flow = botWith([component('outer', [{ id: 'o-ask', type: 'user-response', timeoutSeconds: 15 }])]);
    const first = step(flow, null, say('hi'), deps());
    const timedOut = step(flow, first.session, { type: 'timer.fired', timerId: '1:reply-timeout' }, deps(15_000));
    expect(sends(timedOut)).toEqual(["Sorry, I didn't get that.", 'bot help']);
    expect(timedOut.trace).toContainEqual({ kind: 'component-left', componentId: 'outer' });
    expect(timedOut.session).toMatchObject({ status: 'closed', closeReason: 'end-of-flow', frames: [] });
    expectWellFormed(timedOut);
  });

  it('reports a component that includes itself, and stops one at run time with a broken-flow error', () => {
    const flow = botWith([component('outer', [{ id: 'again', type: 'component', componentId: 'outer', inputs: [{ from: 'in', to: 'in' }] }])]);
    expect(validateFlow(flow).errors.map(({ path, rule }) => ({ path, rule }))).toEqual([
      { path: 'components[0].dialogs[0].elements[0].componentId', rule: 'recursive-component' },
    ]);
    const result = step(flow, null, say('hi'), deps());
    expect(result.outcome).toMatchObject({ kind: 'closed', reason: 'error', error: { code: 'broken-flow' } });
    expectWellFormed(result);
  });
});

describe('person-scoped attributes from deps', () => {
  const flow = {
    version: 1,
    attributes: [
      { name: 'vip', type: 'boolean', scope: 'person' },
      { name: 'note', type: 'text', scope: 'session' },
    ],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'hello',
        elements: [
          { id: 'hello', type: 'send-message', text: 'vip={{vip}} note={{note}}' },
          { id: 'wait', type: 'user-response' },
        ],
        edges: [{ id: 'e1', from: 'hello', to: 'wait' }],
      },
    ],
  };

  it('applies remembered person attributes at start, coerced, and ignores session-scoped names', () => {
    const parsed = migrateFlow(flow);
    const result = step(parsed, null, { type: 'user.message', messageId: 'm1', text: 'hi', receivedAt: 0 }, {
      now: 0,
      random: () => 0,
      personAttributes: { vip: 'yes', note: 'leaked' },
    });
    const sends = result.commands.flatMap((command) => (command.type === 'send' ? [command.text] : []));
    expect(sends).toEqual(['vip=true note=']);
    expect(result.session.attributes).toMatchObject({ vip: true });
    expect(result.session.attributes).not.toHaveProperty('note');
  });
});
