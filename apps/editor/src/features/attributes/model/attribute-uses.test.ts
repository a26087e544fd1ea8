import { describe, expect, it } from 'vitest';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { attributeUses } from './attribute-uses';

const flow: EditorFlow = {
  version: 1,
  attributes: [
    { name: 'email', type: 'email', scope: 'session' },
    { name: 'emailed', type: 'boolean', scope: 'session' },
  ],
  entryDialogId: 'main',
  settings: { fallback: { message: { text: 'We will write to {{email}}' }, action: { type: 'end' } } },
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'ask',
      elements: [
        { id: 'ask', type: 'save-user-response', name: 'Ask email', message: { text: 'Your email? (was {{email}})' }, saveAs: 'email' },
        { id: 'thanks', type: 'send-message', text: 'Thanks, {{ email }} and {{email.domain}}', variations: ['Bye {{emailed}}'] },
      ],
      edges: [],
    },
    { id: 'help', name: 'Help', startElementId: 'h', elements: [{ id: 'h', type: 'send-message', text: 'email us' }], edges: [] },
  ],
};

describe('attributeUses', () => {
  it('lists each element once with the fields naming the attribute (in attributeRefs order), then the bot fallback', () => {
    const uses = attributeUses(flow, 'email');
    expect(uses.map((use) => (use.kind === 'element' ? `${use.dialog.id}/${use.element.id}` : use.kind))).toEqual(['main/ask', 'main/thanks', 'bot-fallback']);
    const [ask, thanks, fallback] = uses;
    expect(ask?.fields.map((field) => [field.field, field.access, field.via])).toEqual([
      ['saveAs', 'write', 'field'],
      ['message.text', 'read', 'placeholder'],
    ]);
    expect(thanks?.fields.map((field) => field.field)).toEqual(['text']);
    expect(fallback?.fields.map((field) => field.field)).toEqual(['message.text']);
  });

  it('does not match names that only start the same, or plain words', () => {
    expect(attributeUses(flow, 'emailed').map((use) => (use.kind === 'element' ? use.element.id : use.kind))).toEqual(['thanks']);
    expect(attributeUses(flow, 'nobody')).toEqual([]);
  });
});
