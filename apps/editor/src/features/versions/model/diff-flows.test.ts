import { describe, expect, it } from 'vitest';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { changeCount, diffFlows, dialogMarks } from './diff-flows';

/** Version 1: a greeting, a question and a goodbye in Main; a Help dialog. */
function older(): EditorFlow {
  return {
    version: 1,
    attributes: [
      { name: 'name', type: 'text', scope: 'session' },
      { name: 'plan', type: 'text', scope: 'person' },
    ],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'hello',
        elements: [
          { id: 'hello', type: 'send-message', text: 'Hello!', position: { x: 0, y: 0 } },
          { id: 'ask', type: 'save-user-response', message: { text: 'Your name?' }, saveAs: 'name', position: { x: 0, y: 120 } },
          { id: 'bye', type: 'send-message', text: 'Bye {{name}}', position: { x: 0, y: 240 } },
        ],
        edges: [
          { id: 'e1', from: 'hello', to: 'ask' },
          { id: 'e2', from: 'ask', to: 'bye' },
        ],
      },
      { id: 'help', name: 'Help', startElementId: 'help-text', elements: [{ id: 'help-text', type: 'send-message', text: 'Ask us anything' }], edges: [] },
    ],
  };
}

describe('diffFlows', () => {
  it('finds nothing between a flow and a copy with every key order reversed (as the database returns it)', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reversed) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversed(item)])) : value;
    const copy: EditorFlow = JSON.parse(JSON.stringify(reversed(older())));
    expect(JSON.stringify(copy)).not.toBe(JSON.stringify(older()));
    const diff = diffFlows(older(), copy);
    expect(diff.dialogs.map(changeCount)).toEqual([0, 0]);
    expect(diff.addedDialogs).toEqual([]);
    expect(diff.removedDialogs).toEqual([]);
    expect(diff.attributes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('ignores positions but not config', () => {
    const a = older();
    const b = older();
    const main = b.dialogs[0];
    if (!main) throw new Error('no main');
    main.elements = main.elements.map((element) =>
      element.id === 'hello' ? { ...element, position: { x: 500, y: 500 } } : element.id === 'bye' ? { ...element, text: 'Goodbye {{name}}' } : element,
    );
    const diff = diffFlows(a, b);
    expect(diff.dialogs[0]).toEqual({ dialogId: 'main', name: 'Main', status: 'kept', added: [], removed: [], changed: ['bye'] });
  });

  it('lists elements added, removed and rewired per dialog, and dialogs added and removed', () => {
    const a = older();
    const b: EditorFlow = {
      ...older(),
      attributes: [
        { name: 'name', type: 'text', scope: 'person' },
        { name: 'email', type: 'email', scope: 'session' },
      ],
      dialogs: [
        {
          id: 'main',
          name: 'Start',
          startElementId: 'hello',
          elements: [
            { id: 'hello', type: 'send-message', text: 'Hello!', position: { x: 0, y: 0 } },
            { id: 'ask', type: 'save-user-response', message: { text: 'Your name?' }, saveAs: 'name', position: { x: 0, y: 120 } },
            { id: 'close', type: 'close-session' },
          ],
          // hello → ask is redrawn with another edge id (not a change); ask now leads to close.
          edges: [
            { id: 'x1', from: 'hello', to: 'ask' },
            { id: 'x2', from: 'ask', to: 'close' },
          ],
        },
        { id: 'faq', name: 'FAQ', startElementId: 'faq-text', elements: [{ id: 'faq-text', type: 'send-message', text: 'Questions?' }], edges: [] },
      ],
    };
    const diff = diffFlows(a, b);
    expect(diff.dialogs).toEqual([
      { dialogId: 'main', name: 'Start', status: 'kept', added: ['close'], removed: ['bye'], changed: ['ask'] },
      { dialogId: 'faq', name: 'FAQ', status: 'added', added: ['faq-text'], removed: [], changed: [] },
      { dialogId: 'help', name: 'Help', status: 'removed', added: [], removed: ['help-text'], changed: [] },
    ]);
    expect(diff.addedDialogs).toEqual(['faq']);
    expect(diff.removedDialogs).toEqual(['help']);
    expect(diff.attributes).toEqual({ added: ['email'], removed: ['plan'], changed: ['name'] });
    expect(diff.dialogs.map(changeCount)).toEqual([3, 1, 1]);
    const main = diff.dialogs[0];
    if (!main) throw new Error('no main');
    expect([...dialogMarks(main)]).toEqual([
      ['close', 'added'],
      ['bye', 'removed'],
      ['ask', 'changed'],
    ]);
  });

  it('shows an element moved to another dialog as changed there, not as removed and added', () => {
    const a = older();
    const b = older();
    const [main, help] = b.dialogs;
    if (!main || !help) throw new Error('no dialogs');
    const bye = main.elements.find((element) => element.id === 'bye');
    if (!bye) throw new Error('no bye');
    main.elements = main.elements.filter((element) => element.id !== 'bye');
    main.edges = main.edges.filter((edge) => edge.to !== 'bye');
    help.elements = [...help.elements, bye];
    const diff = diffFlows(a, b);
    expect(diff.dialogs[0]).toMatchObject({ added: [], removed: [], changed: ['ask'] });
    expect(diff.dialogs[1]).toMatchObject({ added: [], removed: [], changed: ['bye'] });
  });
});
