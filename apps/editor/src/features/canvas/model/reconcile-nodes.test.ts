import { describe, expect, it } from 'vitest';
import type { EditorElement } from '../../bot-editor/document/editor-flow';
import { reconcileNodes } from './reconcile-nodes';

const a: EditorElement = { id: 'a', type: 'send-message', text: 'Hello', position: { x: 0, y: 0 } };
const b: EditorElement = { id: 'b', type: 'close-session', position: { x: 300, y: 0 } };

describe('reconcileNodes', () => {
  it('builds one node per element with its position, selection, category and label', () => {
    const nodes = reconcileNodes([], [a, b], new Set(['b']));
    expect(nodes).toEqual([
      { id: 'a', type: 'element', position: { x: 0, y: 0 }, selected: false, data: { category: 'sends' }, ariaLabel: 'Send message: Hello' },
      { id: 'b', type: 'element', position: { x: 300, y: 0 }, selected: true, data: { category: 'actions' }, ariaLabel: 'Close session' },
    ]);
  });

  it('keeps unchanged nodes (and the array) and their measured size', () => {
    const first = reconcileNodes([], [a, b], new Set());
    const measured = first.map((node) => ({ ...node, measured: { width: 240, height: 80 } }));
    expect(reconcileNodes(measured, [a, b], new Set())).toBe(measured);
    const moved = reconcileNodes(measured, [{ ...a, position: { x: 10, y: 20 } }, b], new Set());
    expect(moved[1]).toBe(measured[1]);
    expect(moved[0]).toMatchObject({ position: { x: 10, y: 20 }, measured: { width: 240, height: 80 } });
  });

  it('leaves a node being dragged where the drag has it, and drops nodes of removed elements', () => {
    const first = reconcileNodes([], [a, b], new Set());
    const dragging = first.map((node) => (node.id === 'a' ? { ...node, dragging: true, position: { x: 55, y: 66 } } : node));
    const next = reconcileNodes(dragging, [{ ...a, text: 'Changed' }], new Set());
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ position: { x: 55, y: 66 }, ariaLabel: 'Send message: Changed' });
  });
});
