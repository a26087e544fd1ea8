import { describe, expect, it } from 'vitest';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { addAttribute, removeAttribute, updateAttribute } from './attribute-edits';

const flow: EditorFlow = {
  version: 1,
  attributes: [
    { name: 'plan', type: 'text', scope: 'session', defaultValue: 'free' },
    { name: 'age', type: 'number', scope: 'person' },
  ],
  entryDialogId: 'main',
  dialogs: [{ id: 'main', name: 'Main', startElementId: 'hi', elements: [{ id: 'hi', type: 'send-message', text: 'Plan {{plan}}' }], edges: [] }],
};

describe('attribute edits', () => {
  it('adds a declaration last, without an undefined default', () => {
    expect(addAttribute(flow, { name: 'email', type: 'email', scope: 'session', defaultValue: undefined }).attributes.at(-1)).toEqual({ name: 'email', type: 'email', scope: 'session' });
  });

  it('renames, retypes and clears the default in one edit, keeping the position', () => {
    const next = updateAttribute(flow, 'plan', { name: 'tier', type: 'text', scope: 'person', defaultValue: undefined });
    expect(next.attributes).toEqual([
      { name: 'tier', type: 'text', scope: 'person' },
      { name: 'age', type: 'number', scope: 'person' },
    ]);
    expect(next.dialogs[0]?.elements[0]).toEqual({ id: 'hi', type: 'send-message', text: 'Plan {{tier}}' });
  });

  it('keeps the flow when nothing changes', () => {
    expect(updateAttribute(flow, 'plan', { name: 'plan', type: 'text', scope: 'session', defaultValue: 'free' })).toBe(flow);
    expect(updateAttribute(flow, 'ghost', { name: 'x', type: 'text', scope: 'session', defaultValue: undefined })).toBe(flow);
  });

  it('removes a declaration', () => {
    expect(removeAttribute(flow, 'age').attributes.map((attribute) => attribute.name)).toEqual(['plan']);
    expect(removeAttribute(flow, 'ghost')).toBe(flow);
  });
});
