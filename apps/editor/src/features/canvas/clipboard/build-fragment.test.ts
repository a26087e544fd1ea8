import { describe, expect, it } from 'vitest';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { buildFragment } from './build-fragment';
import { parseFragment, serializeFragment } from './clipboard-fragment';

const flow: EditorFlow = {
  version: 1,
  attributes: [
    { name: 'name', type: 'text', scope: 'session' },
    { name: 'age', type: 'number', scope: 'person' },
    { name: 'unused', type: 'text', scope: 'session' },
  ],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'greet',
      elements: [
        { id: 'greet', type: 'send-message', text: 'Hi {{name}}!', position: { x: 0, y: 0 } },
        { id: 'ask', type: 'save-user-response', saveAs: 'age', position: { x: 300, y: 0 } },
        { id: 'draft', type: 'send-message', text: '', variations: ['You are {{age}}'], position: { x: 600, y: 0 } },
        { id: 'bye', type: 'close-session', position: { x: 900, y: 0 } },
      ],
      edges: [
        { id: 'e1', from: 'greet', to: 'ask' },
        { id: 'e2', from: 'ask', to: 'draft' },
        { id: 'e3', from: 'draft', to: 'bye' },
      ],
    },
  ],
};

describe('buildFragment', () => {
  it('copies the elements, only the edges between them, and the declarations they use', () => {
    const fragment = buildFragment(flow, ['ask', 'greet']);
    expect(fragment?.elements.map((element) => element.id)).toEqual(['greet', 'ask']);
    expect(fragment?.edges.map((edge) => edge.id)).toEqual(['e1']);
    expect(fragment?.attributes.map((attribute) => attribute.name)).toEqual(['name', 'age']);
  });

  it('finds the attributes of a half-filled element from its texts', () => {
    expect(buildFragment(flow, ['draft'])?.attributes.map((attribute) => attribute.name)).toEqual(['age']);
  });

  it('is undefined when nothing is selected', () => {
    expect(buildFragment(flow, [])).toBeUndefined();
    expect(buildFragment(flow, ['nope'])).toBeUndefined();
  });

  it('round-trips through clipboard text, and ignores text that is not a fragment', () => {
    const fragment = buildFragment(flow, ['greet', 'ask', 'draft']);
    expect(fragment).toBeDefined();
    if (!fragment) return;
    const text = serializeFragment(fragment);
    expect(JSON.parse(text)).toMatchObject({ parley: 'elements', version: 1 });
    expect(parseFragment(text)).toEqual(fragment);
    expect(parseFragment('hello')).toBeUndefined();
    expect(parseFragment('{"parley":"elements","version":2,"elements":[],"edges":[],"attributes":[]}')).toBeUndefined();
    expect(parseFragment(JSON.stringify({ ...fragment, elements: [{ id: 'x', type: 'teleport' }] }))).toBeUndefined();
    // A wrong-typed field is refused (it would break the document); an empty text is kept.
    expect(parseFragment(JSON.stringify({ ...fragment, elements: [{ id: 'x', type: 'send-message', text: 42 }] }))).toBeUndefined();
    expect(parseFragment(JSON.stringify({ ...fragment, elements: [{ id: 'x', type: 'send-message', text: '' }] }))?.elements).toHaveLength(1);
  });
});
