import { describe, expect, it } from 'vitest';
import { elementOutcomeSchema } from '../element-outcome-schema';
import { testContext } from '../test-context';
import { toAgentElement } from './index';
import { runToAgent, toAgentAttributeRefs } from './run';
import { toAgentSchema, type ToAgent } from './schema';

const element: ToAgent = { id: 'agent', type: 'to-agent' };

describe('to-agent', () => {
  it('sends the message, hands off with queue and tags, and ends the session (handoff)', () => {
    const outcome = runToAgent(
      { ...element, queue: 'Billing', message: 'Hold on {{name}}, an agent will take over.', tags: ['billing', 'vip'] },
      testContext({ attributes: { name: 'Ana' } }),
    );
    expect(outcome).toEqual({
      kind: 'end',
      reason: 'handoff',
      effects: [
        { type: 'send', text: 'Hold on Ana, an agent will take over.' },
        { type: 'call', call: { name: 'handoff', queue: 'Billing', tags: ['billing', 'vip'] } },
      ],
      attributes: {},
    });
    expect(elementOutcomeSchema.safeParse(outcome).success).toBe(true);
  });

  it('without message, queue or tags: only the handoff (default queue, no tags)', () => {
    expect(runToAgent(element, testContext())).toEqual({
      kind: 'end',
      reason: 'handoff',
      effects: [{ type: 'call', call: { name: 'handoff', tags: [] } }],
      attributes: {},
    });
  });

  it('has no ports and reads the placeholders of its message', () => {
    expect(toAgentElement.ports(element)).toEqual([]);
    expect(toAgentAttributeRefs(element)).toEqual([]);
    expect(toAgentAttributeRefs({ ...element, message: 'Hi {{ name }}' })).toEqual([
      { name: 'name', access: 'read', path: ['message'], valuePath: [] },
    ]);
  });

  it('enforces the limits of queue, message and tags', () => {
    const ok = (patch: Record<string, unknown>): boolean => toAgentSchema.safeParse({ ...element, ...patch }).success;
    expect(ok({ queue: 'x'.repeat(100) })).toBe(true);
    expect(ok({ queue: 'x'.repeat(101) })).toBe(false);
    expect(ok({ queue: '' })).toBe(false);
    expect(ok({ queue: ' Billing' })).toBe(false);
    expect(ok({ message: 'x'.repeat(4096) })).toBe(true);
    expect(ok({ message: 'x'.repeat(4097) })).toBe(false);
    expect(ok({ message: '' })).toBe(false);
    expect(ok({ tags: [] })).toBe(true);
    expect(ok({ tags: Array.from({ length: 21 }, (_, index) => `t${index}`) })).toBe(false);
    expect(ok({ tags: ['a', 'a'] })).toBe(false);
    expect(ok({ tags: ['x'.repeat(51)] })).toBe(false);
    expect(ok({ note: 'typo' })).toBe(false);
  });
});
