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
  it('reads version-1 session states as they are and rejects unreadable ones', () => {
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
