import { describe, expect, it } from 'vitest';
import { reconcileEdges } from './reconcile-edges';

const ids = new Set(['a', 'b', 'c']);

describe('reconcileEdges', () => {
  it('draws port-to-input smoothstep edges, skips dangling ones, and keeps unchanged objects', () => {
    const edges = [
      { id: 'e1', from: 'a', to: 'b' },
      { id: 'e2', from: 'b', port: 'keyword:y', to: 'c' },
      { id: 'e3', from: 'b', to: 'gone' },
    ];
    const first = reconcileEdges([], edges, ids, new Set(), false);
    expect(first.map((edge) => [edge.id, edge.source, edge.sourceHandle, edge.target, edge.targetHandle, edge.type])).toEqual([
      ['e1', 'a', 'next', 'b', 'in', 'smoothstep'],
      ['e2', 'b', 'keyword:y', 'c', 'in', 'smoothstep'],
    ]);
    expect(reconcileEdges(first, edges, ids, new Set(), false)).toBe(first);
    const selected = reconcileEdges(first, edges, ids, new Set(['e2']), false);
    expect(selected[0]).toBe(first[0]);
    expect(selected[1]).toMatchObject({ selected: true });
    expect(reconcileEdges(first, edges, ids, new Set(), true)[0]).toMatchObject({ deletable: false });
  });
});
