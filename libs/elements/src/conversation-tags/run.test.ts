import { describe, expect, it } from 'vitest';
import { callSchema } from '../calls/call-schema';
import { elementOutcomeSchema } from '../element-outcome-schema';
import { testContext } from '../test-context';
import { conversationTagsElement } from './index';
import { runConversationTags } from './run';
import { conversationTagsSchema, type ConversationTags } from './schema';

const element: ConversationTags = { id: 'tag', type: 'conversation-tags', tags: ['billing', 'Technical support'] };

describe('conversation-tags', () => {
  it('emits a conversation.tags call with the tags and continues through next without waiting', () => {
    const outcome = runConversationTags(element, testContext());
    expect(outcome).toEqual({
      kind: 'continue',
      port: 'next',
      effects: [{ type: 'call', call: { name: 'conversation.tags', tags: ['billing', 'Technical support'] } }],
      attributes: {},
    });
    expect(elementOutcomeSchema.safeParse(outcome).success).toBe(true);
    const call = outcome.effects[0];
    expect(call?.type === 'call' && callSchema.safeParse(call.call).success).toBe(true);
  });

  it('has one port and reads no attributes', () => {
    expect(conversationTagsElement.ports(element)).toEqual(['next']);
    expect(conversationTagsElement.attributeRefs(element)).toEqual([]);
    expect(conversationTagsElement.onEvent).toBeUndefined();
  });

  it('takes 1–20 distinct tags of 1–50 characters, trimmed, without control characters', () => {
    const ok = (tags: unknown): boolean => conversationTagsSchema.safeParse({ ...element, tags }).success;
    expect(ok(['a'])).toBe(true);
    expect(ok([])).toBe(false);
    expect(ok(Array.from({ length: 20 }, (_, index) => `t${index}`))).toBe(true);
    expect(ok(Array.from({ length: 21 }, (_, index) => `t${index}`))).toBe(false);
    expect(ok(['x'.repeat(50)])).toBe(true);
    expect(ok(['x'.repeat(51)])).toBe(false);
    expect(ok(['billing', 'billing'])).toBe(false);
    expect(ok([''])).toBe(false);
    expect(ok([' billing'])).toBe(false);
    expect(ok(['billing '])).toBe(false);
    expect(ok(['bill\ning'])).toBe(false);
    expect(ok(['VIP customer 🌟'])).toBe(true);
    expect(conversationTagsSchema.safeParse({ ...element, tag: 'typo' }).success).toBe(false);
    expect(conversationTagsSchema.safeParse({ id: 'tag', type: 'conversation-tags' }).success).toBe(false);
  });
});
