import { describe, expect, it } from 'vitest';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { buildDisplayFlow } from './build-display-flow';
import { diffFlows } from './diff-flows';

const a: EditorFlow = {
  version: 1,
  attributes: [],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'hello',
      elements: [
        { id: 'hello', type: 'send-message', text: 'Hello!', position: { x: 0, y: 0 } },
        { id: 'bye', type: 'send-message', text: 'Bye', position: { x: 0, y: 200 } },
      ],
      edges: [{ id: 'e1', from: 'hello', to: 'bye' }],
    },
    { id: 'old', name: 'Old', startElementId: 'old-text', elements: [{ id: 'old-text', type: 'send-message', text: 'Gone' }], edges: [] },
  ],
};

const b: EditorFlow = {
  version: 1,
  attributes: [],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'hello',
      elements: [
        { id: 'hello', type: 'send-message', text: 'Hello!', position: { x: 0, y: 0 } },
        { id: 'close', type: 'close-session', position: { x: 300, y: 200 } },
      ],
      // B reuses the edge id e1 for another arrow.
      edges: [{ id: 'e1', from: 'hello', to: 'close' }],
    },
  ],
};

describe('buildDisplayFlow', () => {
  it('is B with the removed elements and dialogs of A put back', () => {
    const display = buildDisplayFlow(a, b, diffFlows(a, b));
    expect(display.dialogs.map((dialog) => dialog.id)).toEqual(['main', 'old']);
    const [main, old] = display.dialogs;
    expect(main?.elements.map((element) => element.id)).toEqual(['hello', 'close', 'bye']);
    expect(main?.elements[2]).toEqual({ id: 'bye', type: 'send-message', text: 'Bye', position: { x: 0, y: 200 } });
    // A's arrow to the removed element comes back under an id of its own.
    expect(main?.edges).toEqual([
      { id: 'e1', from: 'hello', to: 'close' },
      { id: 'e1-2', from: 'hello', to: 'bye' },
    ]);
    expect(old?.elements.map((element) => element.id)).toEqual(['old-text']);
  });

  it('leaves B alone when nothing was removed', () => {
    const display = buildDisplayFlow(b, b, diffFlows(b, b));
    expect(display).toEqual(b);
    expect(display.dialogs[0]).toBe(b.dialogs[0]);
  });
});
