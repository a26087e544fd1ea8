'use client';

import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { EditorElement } from '../../bot-editor/document/editor-flow';
import type { CanvasNode } from '../model/canvas-node';
import { reconcileNodes } from '../model/reconcile-nodes';

type NodesState = { elements: readonly EditorElement[]; selectedIds: readonly string[]; nodes: CanvasNode[] };

/**
 * The canvas-local nodes of a dialog's elements. They follow the document and the
 * selection store (reconciled during render, so no frame shows stale nodes), and take
 * xyflow's changes (drag positions, measured sizes, selection) locally: dragging touches
 * only this state until the drag ends and the move is written to the document once.
 */
export function useCanvasNodes(elements: readonly EditorElement[], selectedIds: readonly string[]): { nodes: CanvasNode[]; applyChanges: (changes: NodeChange<CanvasNode>[]) => void } {
  const [state, setState] = useState<NodesState>(() => ({ elements, selectedIds, nodes: reconcileNodes([], elements, new Set(selectedIds)) }));
  let current = state;
  if (state.elements !== elements || state.selectedIds !== selectedIds) {
    current = { elements, selectedIds, nodes: reconcileNodes(state.nodes, elements, new Set(selectedIds)) };
    setState(current);
  }
  const applyChanges = useCallback((changes: NodeChange<CanvasNode>[]) => {
    setState((previous) => ({ ...previous, nodes: applyNodeChanges(changes, previous.nodes) }));
  }, []);
  return { nodes: current.nodes, applyChanges };
}
