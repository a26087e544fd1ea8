import { describe, expect, it } from 'vitest';
import type { ElementContext } from '../element-definition';
import type { ElementEffect } from '../element-effect-schema';
import { elementOutcomeSchema } from '../element-outcome-schema';
import { testContext } from '../test-context';
import { sendMessageElement } from './index';
import { runSendMessage, sendMessageAttributeRefs } from './run';
import { sendMessageSchema, type SendMessage } from './schema';

function context(attributes: Record<string, unknown> = {}, draws: number[] = []): ElementContext & { calls: () => number } {
  let calls = 0;
  return {
    attributes: Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, JSON.parse(JSON.stringify(value))])),
    declarations: {},
    now: 0,
    random: () => draws[calls++] ?? 0,
    calls: () => calls,
  };
}

function textOf(effect: ElementEffect | undefined): string | undefined {
  return effect?.type === 'send' ? effect.text : undefined;
}

const base: SendMessage = { id: 'm', type: 'send-message', text: 'Hello {{name}}!' };

describe('send-message run', () => {
  it('sends the text with placeholders filled and continues through next', () => {
    const outcome = runSendMessage(base, context({ name: 'Ana' }));
    expect(outcome).toEqual({ kind: 'continue', port: 'next', effects: [{ type: 'send', text: 'Hello Ana!' }], attributes: {} });
    expect(elementOutcomeSchema.safeParse(outcome).success).toBe(true);
  });

  it('renders a missing attribute as empty and walks JSON paths', () => {
    const element: SendMessage = { ...base, text: '[{{missing}}] {{order.items.1.name}} x{{order.count}}' };
    const outcome = runSendMessage(element, context({ order: { count: 2, items: [{ name: 'Tea' }, { name: 'Cake' }] } }));
    expect(outcome.effects).toEqual([{ type: 'send', text: '[] Cake x2' }]);
  });

  it('picks among text and variations with random, calling it once', () => {
    const element: SendMessage = { ...base, text: 'A', variations: ['B', 'C'] };
    const picks = [0, 0.34, 0.99].map((draw) => {
      const ctx = context({}, [draw]);
      const outcome = runSendMessage(element, ctx);
      expect(ctx.calls()).toBe(1);
      return textOf(outcome.effects[0]);
    });
    expect(picks).toEqual(['A', 'B', 'C']);
  });

  it('does not draw a random number when there is nothing to choose', () => {
    const ctx = context();
    runSendMessage(base, ctx);
    expect(ctx.calls()).toBe(0);
  });

  it('clamps out-of-range random draws', () => {
    const element: SendMessage = { ...base, text: 'A', variations: ['B'] };
    expect(textOf(runSendMessage(element, context({}, [1])).effects[0])).toBe('B');
    expect(textOf(runSendMessage(element, context({}, [-0.5])).effects[0])).toBe('A');
    expect(textOf(runSendMessage(element, context({}, [Number.NaN])).effects[0])).toBe('A');
  });

  it('attaches quick replies when there are any', () => {
    const withButtons = runSendMessage({ ...base, buttons: [{ label: 'Yes' }, { label: 'No' }] }, context());
    expect(withButtons.effects).toEqual([{ type: 'send', text: 'Hello !', buttons: [{ label: 'Yes' }, { label: 'No' }] }]);
    expect(runSendMessage({ ...base, buttons: [] }, context()).effects[0]).not.toHaveProperty('buttons');
  });

  it('reports the attributes its text and variations read, with their fields', () => {
    expect(sendMessageAttributeRefs({ ...base, variations: ['x', 'Hi {{ order.id }}'] })).toEqual([
      { name: 'name', access: 'read', path: ['text'], valuePath: [] },
      { name: 'order', access: 'read', path: ['variations', 1], valuePath: ['id'] },
    ]);
  });

  it('has one port, next', () => {
    expect(sendMessageElement.ports(base)).toEqual(['next']);
  });
});

describe('send-message schema', () => {
  it('enforces the spec limits', () => {
    const ok = (value: unknown): boolean => sendMessageSchema.safeParse(value).success;
    expect(ok(base)).toBe(true);
    expect(ok({ ...base, text: '' })).toBe(false);
    expect(ok({ ...base, text: 'x'.repeat(4096) })).toBe(true);
    expect(ok({ ...base, text: 'x'.repeat(4097) })).toBe(false);
    expect(ok({ ...base, buttons: [{ label: 'x'.repeat(20) }] })).toBe(true);
    expect(ok({ ...base, buttons: [{ label: 'x'.repeat(21) }] })).toBe(false);
    expect(ok({ ...base, buttons: [{ label: '' }] })).toBe(false);
    expect(ok({ ...base, buttons: Array.from({ length: 10 }, (_, index) => ({ label: `b${index}` })) })).toBe(true);
    expect(ok({ ...base, buttons: Array.from({ length: 11 }, (_, index) => ({ label: `b${index}` })) })).toBe(false);
    expect(ok({ ...base, txt: 'typo' })).toBe(false);
  });

  it('caps variations at 10, each 1–4096 characters', () => {
    const ok = (value: unknown): boolean => sendMessageSchema.safeParse(value).success;
    expect(ok({ ...base, variations: Array.from({ length: 10 }, () => 'v') })).toBe(true);
    expect(ok({ ...base, variations: Array.from({ length: 11 }, () => 'v') })).toBe(false);
    expect(ok({ ...base, variations: [''] })).toBe(false);
    expect(ok({ ...base, variations: ['x'.repeat(4097)] })).toBe(false);
  });

  it('refuses blank and duplicate button labels, naming the button', () => {
    const issues = (buttons: { label: string }[]): string[] => {
      const parsed = sendMessageSchema.safeParse({ ...base, buttons });
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(issues([{ label: 'Yes' }, { label: 'No' }])).toEqual([]);
    expect(issues([{ label: 'Yes' }, { label: ' yes ' }])).toEqual(['buttons.1.label: the label " yes " is already used by button 1']);
    expect(issues([{ label: '   ' }])).toEqual(['buttons.0.label: a button label must not be blank']);
    expect(issues(Array.from({ length: 11 }, (_, index) => ({ label: `b${index}` })))).toEqual([expect.stringMatching(/^buttons: Too big/)]);
  });

  it('accepts the linkPreview flag', () => {
    expect(sendMessageSchema.safeParse({ ...base, linkPreview: true }).success).toBe(true);
    expect(sendMessageSchema.safeParse({ ...base, linkPreview: 'yes' }).success).toBe(false);
  });

  it('describes every field for the editor forms', () => {
    const json = JSON.stringify(sendMessageSchema.toJSONSchema({ io: 'input' }));
    for (const fragment of ['Message text, 1–4096', 'Up to 10 alternative texts', 'Up to 10 quick replies', 'Button text', 'preview of the first link']) {
      expect(json).toContain(fragment);
    }
  });
});

describe('link preview', () => {
  it('asks the channel for a link preview only when enabled', () => {
    const base = { id: 's', type: 'send-message' as const, text: 'See https://parley.dev' };
    expect(runSendMessage({ ...base, linkPreview: true }, testContext()).effects).toEqual([
      { type: 'send', text: 'See https://parley.dev', linkPreview: true },
    ]);
    expect(runSendMessage(base, testContext()).effects).toEqual([{ type: 'send', text: 'See https://parley.dev' }]);
  });
});
