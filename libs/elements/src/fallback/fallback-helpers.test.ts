import { describe, expect, it } from 'vitest';
import { validationContext } from '../validation-context-for-tests';
import { fallbackAttributeRefs } from './fallback-attribute-refs';
import { fallbackPorts } from './fallback-ports';
import { botFallbackSchema, fallbackSchema, type Fallback } from './fallback-schema';
import { validateFallback } from './validate-fallback';

describe('fallback helpers', () => {
  const toHelp: Fallback = { message: { text: 'Sorry {{name}}', variations: ['Oops {{order.id}}'] }, action: { type: 'dialog', dialogId: 'help' } };

  it("adds the 'fallback' port only for the port action", () => {
    expect(fallbackPorts(['next'], undefined)).toEqual(['next']);
    expect(fallbackPorts(['next'], toHelp)).toEqual(['next']);
    expect(fallbackPorts(['a', 'b'], { action: { type: 'port' } })).toEqual(['a', 'b', 'fallback']);
  });

  it("reports the message's placeholders at their fields", () => {
    expect(fallbackAttributeRefs(toHelp)).toEqual([
      { name: 'name', access: 'read', path: ['fallback', 'message', 'text'], valuePath: [] },
      { name: 'order', access: 'read', path: ['fallback', 'message', 'variations', 0], valuePath: ['id'] },
    ]);
    expect(fallbackAttributeRefs(undefined)).toEqual([]);
    expect(fallbackAttributeRefs({ action: { type: 'end' } }, ['onError'])).toEqual([]);
  });

  it('checks that a dialog action names a dialog of the scope', () => {
    const context = validationContext({ dialogs: [{ id: 'help', name: 'Help' }] });
    expect(validateFallback(toHelp, context)).toEqual([]);
    expect(validateFallback({ action: { type: 'dialog', dialogId: 'gone' } }, context, 'onError')).toEqual([
      { field: 'onError.action.dialogId', rule: 'unknown-dialog', message: 'There is no dialog "gone".' },
    ]);
    expect(validateFallback(undefined, context)).toEqual([]);
  });

  it('has the documented shapes: agent queue and tags optional; the bot default has no port action', () => {
    expect(fallbackSchema.safeParse({ action: { type: 'agent' } }).success).toBe(true);
    expect(fallbackSchema.safeParse({ action: { type: 'agent', queue: 'Billing', tags: ['vip'] } }).success).toBe(true);
    expect(fallbackSchema.safeParse({ action: { type: 'teleport' } }).success).toBe(false);
    expect(fallbackSchema.safeParse({ message: { text: '' }, action: { type: 'end' } }).success).toBe(false);
    expect(botFallbackSchema.safeParse({ action: { type: 'port' } }).success).toBe(false);
    expect(botFallbackSchema.safeParse({ action: { type: 'end' } }).success).toBe(true);
  });
});
