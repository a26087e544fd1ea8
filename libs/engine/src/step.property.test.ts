import { bindElement, elementTypes, type Element, type ElementType } from '@parley/elements';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandSchema } from './command-schema';
import type { EngineEvent } from './engine-event-schema';
import { flowSchema, type FlowInput } from './flow-schema';
import { seededRandom } from './seeded-random';
import { sessionStateSchema, type SessionState } from './session-state-schema';
import { step } from './step';
import { validateFlow } from './validate-flow';

const declared: FlowInput['attributes'] = [
  { name: 'a', type: 'text', scope: 'session' },
  { name: 'b', type: 'number', scope: 'person' },
  { name: 'order', type: 'json', scope: 'session' },
];

const textArbitrary = fc.oneof(
  fc.stringMatching(/^[A-Za-z ,.!?]{1,40}$/),
  fc.constantFrom('Hi {{a}}!', '{{order.items.0.name}} x{{order.count}}', 'You said {{ lastReceivedMessage }}', '{{b}}{{a}}{{order}}'),
);

/** One generator per element type: a new element type fails the type check here until it has one. */
const elementArbitraries = {
  'send-message': (id) =>
    fc
      .record(
        {
          text: textArbitrary,
          variations: fc.array(textArbitrary, { maxLength: 3 }),
          buttons: fc.array(fc.record({ label: fc.stringMatching(/^[A-Za-z0-9 ]{1,20}$/) }), { maxLength: 10 }),
        },
        { requiredKeys: ['text'] },
      )
      .map((config): Element => ({ id, type: 'send-message', ...config })),
  'user-response': (id) =>
    fc
      .record({ saveAs: fc.constantFrom('a', 'b', 'order'), timeoutSeconds: fc.integer({ min: 15, max: 14400 }) }, { requiredKeys: [] })
      .map((config): Element => ({ id, type: 'user-response', ...config })),
  'close-session': (id) => fc.constant<Element>({ id, type: 'close-session' }),
} satisfies { [T in ElementType]: (id: string) => fc.Arbitrary<Element> };

function dialogArbitrary(dialogIndex: number): fc.Arbitrary<FlowInput['dialogs'][number]> {
  return fc.integer({ min: 1, max: 8 }).chain((count) =>
    fc
      .tuple(...Array.from({ length: count }, (_, index) => fc.oneof(...elementTypes.map((type) => elementArbitraries[type](`d${dialogIndex}e${index}`)))))
      .chain((elements) => {
        const slots = elements.flatMap((element) => bindElement(element).ports().map((port) => ({ from: element.id, port })));
        return fc
          .tuple(
            fc.integer({ min: 0, max: count - 1 }),
            fc.tuple(...slots.map(() => fc.option(fc.integer({ min: 0, max: count - 1 }), { nil: undefined }))),
          )
          .map(([start, targets]) => ({
            id: `d${dialogIndex}`,
            name: `Dialog ${dialogIndex}`,
            startElementId: elements[start]?.id ?? '',
            elements,
            edges: slots.flatMap((slot, index) => {
              const target = elements[targets[index] ?? -1];
              return target === undefined ? [] : [{ id: `d${dialogIndex}x${index}`, from: slot.from, port: slot.port, to: target.id }];
            }),
          }));
      }),
  );
}

const flowArbitrary: fc.Arbitrary<FlowInput> = fc
  .integer({ min: 1, max: 3 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => dialogArbitrary(index))))
  .chain((dialogs) =>
    fc.record({
      version: fc.constant(1),
      attributes: fc.constant(declared),
      entryDialogId: fc.constantFrom(...dialogs.map((dialog) => dialog.id)),
      dialogs: fc.constant(dialogs),
      settings: fc.record({ sessionTimeoutSeconds: fc.integer({ min: 60, max: 2_592_000 }) }),
    }),
  );

type EventSpec = { kind: 'say'; text: string } | { kind: 'fire-known'; pick: number } | { kind: 'fire-any'; timerId: string };
const eventArbitrary: fc.Arbitrary<EventSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('say'), text: fc.oneof(fc.string(), fc.constant('{"items":[{"name":"Tea"}],"count":2}')) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fire-known'), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fire-any'), timerId: fc.string({ minLength: 1 }) }) },
);

describe('step (property)', () => {
  it('never throws on valid flows and random events; sessions and commands always parse', () => {
    fc.assert(
      fc.property(flowArbitrary, fc.array(eventArbitrary, { maxLength: 15 }), fc.integer(), (input, specs, seed) => {
        expect(validateFlow(input).errors).toEqual([]);
        const flow = flowSchema.parse(input);
        let session: SessionState | null = null;
        const timers: string[] = [];
        const keys = new Set<string>();
        specs.forEach((spec, index) => {
          const now = index * 61_000;
          const event: EngineEvent =
            spec.kind === 'say'
              ? { type: 'user.message', messageId: `m${index}`, text: spec.text, receivedAt: now }
              : { type: 'timer.fired', timerId: spec.kind === 'fire-any' ? spec.timerId : (timers[spec.pick % Math.max(timers.length, 1)] ?? 'none') };
          const result = step(flow, session, event, { now, random: seededRandom(seed + index) });

          expect(sessionStateSchema.safeParse(result.session).error).toBeUndefined();
          for (const command of result.commands) {
            expect(commandSchema.safeParse(command).error).toBeUndefined();
            if (command.type === 'timer.set') timers.push(command.timerId);
            if (command.type === 'send') {
              expect(keys.has(command.key)).toBe(false);
              keys.add(command.key);
            }
          }
          expect(result.outcome.kind === 'closed' && result.outcome.error?.code === 'internal').toBe(false);
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
