import { bindElement, elementTypes, type Element } from '@parley/elements';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commandSchema } from './command-schema';
import { elementArbitraries, type ArbitraryEnv } from './element-arbitraries.test';
import type { CallResultEvent, EngineEvent } from './engine-event-schema';
import { flowSchema, type FlowInput } from './flow-schema';
import { seededRandom } from './seeded-random';
import { sessionStateSchema, type SessionState } from './session-state-schema';
import { step } from './step';
import { stepResultSchema } from './step-result-schema';
import { validateFlow } from './validate-flow';

const declared: FlowInput['attributes'] = [
  { name: 'a', type: 'text', scope: 'session' },
  { name: 'b', type: 'number', scope: 'person' },
  { name: 'order', type: 'json', scope: 'session' },
];

/** One random dialog of a scope; elements over their type's maxPerDialog become Close session. */
function dialogArbitrary(prefix: string, env: ArbitraryEnv): fc.Arbitrary<FlowInput['dialogs'][number]> {
  return fc.integer({ min: 1, max: 8 }).chain((count) =>
    fc
      .tuple(...Array.from({ length: count }, (_, index) => fc.oneof(...elementTypes.map((type) => elementArbitraries[type](`${prefix}e${index}`, env)))))
      .map((generated) => {
        const seen = new Map<string, number>();
        return generated.map((element): Element => {
          const used = (seen.get(element.type) ?? 0) + 1;
          seen.set(element.type, used);
          const limit = bindElement(element).maxPerDialog;
          return limit !== undefined && used > limit ? { id: element.id, type: 'close-session' } : element;
        });
      })
      .chain((elements) => {
        const slots = elements.flatMap((element) => bindElement(element).ports().map((port) => ({ from: element.id, port })));
        return fc
          .tuple(
            fc.integer({ min: 0, max: count - 1 }),
            fc.tuple(...slots.map(() => fc.option(fc.integer({ min: 0, max: count - 1 }), { nil: undefined }))),
          )
          .map(([start, targets]) => ({
            id: prefix,
            name: `Dialog ${prefix}`,
            startElementId: elements[start]?.id ?? '',
            elements,
            edges: slots.flatMap((slot, index) => {
              const target = elements[targets[index] ?? -1];
              return target === undefined ? [] : [{ id: `${prefix}x${index}`, from: slot.from, port: slot.port, to: target.id }];
            }),
          }));
      }),
  );
}

function dialogsArbitrary(prefix: string, count: number, env: Omit<ArbitraryEnv, 'dialogIds'>): fc.Arbitrary<FlowInput['dialogs']> {
  const ids = Array.from({ length: count }, (_, index) => `${prefix}${index}`);
  const scoped: ArbitraryEnv = { ...env, dialogIds: [ids[0] ?? `${prefix}0`, ...ids.slice(1)] };
  return fc.tuple(...ids.map((id) => dialogArbitrary(id, scoped)));
}

/** Component 'c0': its own copy of the bot's attributes, input 'in', output 'out'. */
const componentArbitrary = fc.integer({ min: 1, max: 2 }).chain((count) =>
  dialogsArbitrary('k', count, { attributes: { text: 'a', number: 'b', json: 'order' }, componentIds: [], inComponent: true }).map((dialogs) => ({
    id: 'c0',
    version: 1,
    name: 'Component 0',
    inputs: [{ name: 'in', type: 'text' as const, scope: 'session' as const }],
    outputs: [{ name: 'out', type: 'text' as const, scope: 'session' as const, defaultValue: 'none' }],
    attributes: declared,
    entryDialogId: 'k0',
    dialogs,
  })),
);

const flowArbitrary: fc.Arbitrary<FlowInput> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.boolean())
  .chain(([count, withComponent]) =>
    fc.record({
      version: fc.constant(1),
      attributes: fc.constant(declared),
      entryDialogId: fc.constantFrom(...Array.from({ length: count }, (_, index) => `d${index}`)),
      defaultDialogId: fc.option(fc.constant('d0'), { nil: undefined }),
      sessionExpireDialogId: fc.option(fc.constantFrom(...Array.from({ length: count }, (_, index) => `d${index}`)), { nil: undefined }),
      dialogs: dialogsArbitrary('d', count, { attributes: { text: 'a', number: 'b', json: 'order' }, componentIds: withComponent ? ['c0'] : [], inComponent: false }),
      components: withComponent ? componentArbitrary.map((component) => [component]) : fc.constant([]),
      settings: fc.record({ sessionTimeoutSeconds: fc.integer({ min: 60, max: 2_592_000 }) }),
    }, { requiredKeys: ['version', 'attributes', 'entryDialogId', 'dialogs', 'components', 'settings'] }),
  );

type EventSpec =
  | { kind: 'say'; text: string }
  | { kind: 'fire-known'; pick: number }
  | { kind: 'fire-any'; timerId: string }
  | { kind: 'result-known'; pick: number; ok: boolean; result: unknown }
  | { kind: 'result-any'; key: string };
const eventArbitrary: fc.Arbitrary<EventSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('say'), text: fc.oneof(fc.string(), fc.constant('{"items":[{"name":"Tea"}],"count":2}')) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fire-known'), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fire-any'), timerId: fc.string({ minLength: 1 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('result-known'),
      pick: fc.nat(),
      ok: fc.boolean(),
      result: fc.oneof(fc.jsonValue(), fc.constant({ status: 200, headers: {}, body: '{"data":{"x":1}}' })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('result-any'), key: fc.string({ minLength: 1 }) }) },
);

describe('step (property)', () => {
  it('never throws on valid flows and random events; sessions and commands always parse', () => {
    fc.assert(
      fc.property(flowArbitrary, fc.array(eventArbitrary, { maxLength: 15 }), fc.integer(), (input, specs, seed) => {
        expect(validateFlow(input).errors).toEqual([]);
        const flow = flowSchema.parse(input);
        let session: SessionState | null = null;
        const timers: string[] = [];
        const calls: string[] = [];
        const keys = new Set<string>();
        specs.forEach((spec, index) => {
          const now = index * 61_000;
          const event: EngineEvent =
            spec.kind === 'say'
              ? { type: 'user.message', messageId: `m${index}`, text: spec.text, receivedAt: now, contact: '+14155552671', channel: 'http' }
              : spec.kind === 'result-known'
                ? resultEvent(calls[spec.pick % Math.max(calls.length, 1)] ?? 'none', spec.ok, spec.result)
                : spec.kind === 'result-any'
                  ? { type: 'call.result', key: spec.key, ok: true }
                  : { type: 'timer.fired', timerId: spec.kind === 'fire-any' ? spec.timerId : (timers[spec.pick % Math.max(timers.length, 1)] ?? 'none') };
          const result = step(flow, session, event, { now, random: seededRandom(seed + index) });

          expect(sessionStateSchema.safeParse(result.session).error).toBeUndefined();
          for (const command of result.commands) {
            expect(commandSchema.safeParse(command).error).toBeUndefined();
            if (command.type === 'timer.set') timers.push(command.timerId);
            if (command.type === 'call') calls.push(command.key);
            if (command.type === 'send' || command.type === 'call') {
              expect(keys.has(command.key)).toBe(false);
              keys.add(command.key);
            }
          }
          expect(result.outcome.kind === 'closed' && result.outcome.error?.code === 'internal', JSON.stringify(result.outcome)).toBe(false);
          expect(result.outcome.kind === 'closed' && result.outcome.error?.code === 'broken-flow', JSON.stringify(result.outcome)).toBe(false);
          expect(stepResultSchema.safeParse(result).error).toBeUndefined();
          if (result.outcome.kind === 'ignored') {
            expect(result.commands).toEqual([]);
          } else {
            expect(result.session.turn).toBe((session?.turn ?? 0) + 1);
          }
          // Like the runner: a closed session is dropped, and the next message starts a new one.
          if (result.session.status === 'closed') {
            session = null;
            keys.clear();
          } else {
            session = result.session;
          }
        });
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

function resultEvent(key: string, ok: boolean, result: unknown): CallResultEvent {
  const parsed = z.json().safeParse(result);
  return ok
    ? { type: 'call.result', key, ok, ...(parsed.success ? { result: parsed.data } : {}) }
    : { type: 'call.result', key, ok, error: { code: 'http-500', message: 'failed' } };
}
