import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EditorFlow } from '../document/editor-flow';
import { addElements, connect, removeElements, setElementField } from '../document/flow-edits';
import { createFlowStore, mergeWindowMs } from './flow-store';

const flow: EditorFlow = {
  version: 1,
  attributes: [],
  entryDialogId: 'main',
  dialogs: [{ id: 'main', name: 'Main', startElementId: 'hi', elements: [{ id: 'hi', type: 'send-message', text: 'Hello' }], edges: [] }],
};

const textOf = (state: { flow: EditorFlow }) => {
  const element = state.flow.dialogs[0]?.elements[0];
  return element?.type === 'send-message' ? element.text : undefined;
};

afterEach(() => vi.useRealTimers());

describe('flow store', () => {
  it('undoes a typing burst in one step and keeps every typed character until then', () => {
    vi.useFakeTimers();
    const store = createFlowStore(flow);
    for (const text of ['Hello!', 'Hello! H', 'Hello! Hi']) {
      vi.advanceTimersByTime(200);
      store.getState().edit((current) => setElementField(current, 'hi', ['text'], text), 'hi.text');
    }
    expect(textOf(store.getState())).toBe('Hello! Hi');
    store.getState().undo();
    expect(textOf(store.getState())).toBe('Hello');
    store.getState().redo();
    expect(textOf(store.getState())).toBe('Hello! Hi');
  });

  it('starts a new step after a pause in typing, and for every edit without a merge key', () => {
    vi.useFakeTimers();
    const store = createFlowStore(flow);
    store.getState().edit((current) => setElementField(current, 'hi', ['text'], 'A'), 'hi.text');
    vi.advanceTimersByTime(mergeWindowMs + 1);
    store.getState().edit((current) => setElementField(current, 'hi', ['text'], 'AB'), 'hi.text');
    store.getState().edit((current) => addElements(current, 'main', [{ id: 'bye', type: 'close-session' }]));
    store.getState().edit((current) => connect(current, 'main', { from: 'hi', to: 'bye' }));
    expect(store.temporal.getState().pastStates).toHaveLength(4);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().flow.dialogs[0]?.elements).toHaveLength(1);
    expect(textOf(store.getState())).toBe('AB');
    store.getState().undo();
    expect(textOf(store.getState())).toBe('A');
  });

  it('removing an element removes its edges and moves the start to a remaining element', () => {
    let current = addElements(flow, 'main', [{ id: 'bye', type: 'close-session' }]);
    current = connect(current, 'main', { from: 'hi', to: 'bye' });
    expect(current.dialogs[0]?.edges).toHaveLength(1);
    current = removeElements(current, ['hi']);
    expect(current.dialogs[0]).toMatchObject({ startElementId: 'bye', edges: [] });
  });

  it('a port leads to one element: connecting it again replaces the edge', () => {
    let current = addElements(flow, 'main', [{ id: 'a', type: 'close-session' }, { id: 'b', type: 'close-session' }]);
    current = connect(current, 'main', { from: 'hi', to: 'a' });
    current = connect(current, 'main', { from: 'hi', to: 'b' });
    expect(current.dialogs[0]?.edges.map((edge) => edge.to)).toEqual(['b']);
  });

  it('reset forgets the history (a reload is not undoable into the old document)', () => {
    const store = createFlowStore(flow);
    store.getState().edit((current) => setElementField(current, 'hi', ['text'], 'Changed'));
    store.getState().reset(flow);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(textOf(store.getState())).toBe('Hello');
  });
});
