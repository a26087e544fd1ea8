import { describe, expect, it } from 'vitest';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { flowIds } from '../../bot-editor/document/flow-edits';
import { buildFragment } from './build-fragment';
import { pasteFragment, pasteOffset } from './paste-fragment';

const source: EditorFlow = {
  version: 1,
  attributes: [
    { name: 'name', type: 'text', scope: 'session' },
    { name: 'age', type: 'number', scope: 'person' },
  ],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'greet',
      elements: [
        { id: 'greet', type: 'send-message', text: 'Hi {{name}}!', position: { x: 100, y: 50 } },
        { id: 'ask', type: 'user-response', keywords: [{ id: 'y', text: 'Yes' }], saveAs: 'age', position: { x: 400, y: 50 } },
        { id: 'bye', type: 'close-session', position: { x: 700, y: 50 } },
      ],
      edges: [
        { id: 'e1', from: 'greet', to: 'ask' },
        { id: 'e2', from: 'ask', port: 'keyword:y', to: 'bye' },
      ],
    },
  ],
};

const target: EditorFlow = {
  version: 1,
  attributes: [{ name: 'age', type: 'text', scope: 'session' }],
  entryDialogId: 'other',
  dialogs: [{ id: 'other', name: 'Other', startElementId: '', elements: [], edges: [] }],
};

function fragmentOf(flow: EditorFlow, ids: string[]) {
  const fragment = buildFragment(flow, ids);
  if (!fragment) throw new Error('no fragment');
  return fragment;
}

describe('pasteFragment', () => {
  it('renews every id, remaps the edges and keeps ports', () => {
    const result = pasteFragment(source, 'main', fragmentOf(source, ['greet', 'ask', 'bye']));
    const dialog = result.flow.dialogs[0];
    expect(dialog?.elements).toHaveLength(6);
    expect(dialog?.edges).toHaveLength(4);
    const [greet, ask, bye] = result.elementIds;
    expect(new Set(result.elementIds).size).toBe(3);
    for (const id of result.elementIds) expect(['greet', 'ask', 'bye']).not.toContain(id);
    expect(dialog?.edges.slice(2)).toEqual([
      { id: expect.any(String), from: greet, to: ask },
      { id: expect.any(String), from: ask, port: 'keyword:y', to: bye },
    ]);
    // No id is used twice anywhere in the flow.
    const all = result.flow.dialogs.flatMap((d) => [d.id, ...d.elements.map((e) => e.id), ...d.edges.map((e) => e.id)]);
    expect(new Set(all).size).toBe(all.length);
    expect(flowIds(result.flow).size).toBe(all.length);
  });

  it('offsets the copies so they do not sit on the originals, further on each paste', () => {
    const fragment = fragmentOf(source, ['greet']);
    const once = pasteFragment(source, 'main', fragment);
    const pasted = once.flow.dialogs[0]?.elements.find((element) => element.id === once.elementIds[0]);
    expect(pasted?.position).toEqual({ x: 100 + pasteOffset, y: 50 + pasteOffset });
    const twice = pasteFragment(once.flow, 'main', fragment);
    const again = twice.flow.dialogs[0]?.elements.find((element) => element.id === twice.elementIds[0]);
    expect(again?.position).toEqual({ x: 100 + 2 * pasteOffset, y: 50 + 2 * pasteOffset });
  });

  it('places the fragment at a given point', () => {
    const result = pasteFragment(source, 'main', fragmentOf(source, ['greet', 'ask']), { at: { x: 1000, y: 1000 } });
    const positions = result.flow.dialogs[0]?.elements.slice(3).map((element) => element.position);
    expect(positions).toEqual([
      { x: 1000, y: 1000 },
      { x: 1300, y: 1000 },
    ]);
  });

  it('declares in another bot the attributes it lacks, keeps its own declarations, and starts an empty dialog', () => {
    const result = pasteFragment(target, 'other', fragmentOf(source, ['greet', 'ask']));
    expect(result.addedAttributes).toEqual(['name']);
    expect(result.conflictingAttributes).toEqual(['age']);
    expect(result.flow.attributes).toEqual([
      { name: 'age', type: 'text', scope: 'session' },
      { name: 'name', type: 'text', scope: 'session' },
    ]);
    const dialog = result.flow.dialogs[0];
    expect(dialog?.startElementId).toBe(result.elementIds[0]);
    expect(dialog?.edges).toHaveLength(1);
    expect(dialog?.elements[0]?.position).toEqual({ x: 100, y: 50 });
  });

  it('changes nothing for an unknown dialog', () => {
    const result = pasteFragment(source, 'missing', fragmentOf(source, ['greet']));
    expect(result.flow).toBe(source);
    expect(result.elementIds).toEqual([]);
  });
});
