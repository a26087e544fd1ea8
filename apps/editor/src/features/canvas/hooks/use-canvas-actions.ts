'use client';

import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import type { Point } from '../../bot-editor/document/editor-flow';
import { moveElements, removeEdges, removeElements, setStartElement } from '../../bot-editor/document/flow-edits';
import { useFlowStore, useSelectionStore } from '../../bot-editor/store/editor-stores';
import { buildFragment } from '../clipboard/build-fragment';
import { parseFragment, serializeFragment, type ClipboardFragment } from '../clipboard/clipboard-fragment';
import { pasteFragment } from '../clipboard/paste-fragment';
import { defaultNodeSize, layoutElements, type LayoutDirection, type Size } from '../layout/layout-elements';
import type { CanvasNode } from '../model/canvas-node';
import type { CanvasEdge } from '../model/canvas-edge';

/** What the canvas can do, for its shortcuts, its commands and its context menu. */
export type CanvasActions = {
  /** The selected elements as clipboard text (undefined when none is selected). */
  copyText(): string | undefined;
  /** copyText, then removes the copied elements (one undo step). */
  cutText(): string | undefined;
  /** Pastes clipboard text into the open dialog when it holds elements; false (nothing done) otherwise. */
  paste(text: string): boolean;
  copyToClipboard(): Promise<void>;
  cutToClipboard(): Promise<void>;
  pasteFromClipboard(): Promise<void>;
  duplicate(): void;
  /** Removes the selected elements and edges (one undo step). */
  deleteSelection(): void;
  selectAll(): void;
  clearSelection(): void;
  autoLayout(direction: LayoutDirection): void;
  fitView(): void;
  zoomToSelection(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Makes the one selected element its dialog's start element. */
  setStartElement(): void;
  undo(): void;
  redo(): void;
};

export type CanvasActionsOptions = {
  /** The canvas's selected edges (edge selection is canvas-local state). */
  readonly selectedEdgeIds: () => ReadonlySet<string>;
  readonly clearEdgeSelection: () => void;
  /** Tells the person what happened where it is not visible (pasted attributes ...). */
  readonly announce: (message: string) => void;
};

const animation = { duration: 250 };

/** The box around elements at `points`, each taken at the default node size. */
function boundsOf(points: readonly Point[]): { x: number; y: number; right: number; bottom: number } {
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  return { x: Math.min(...xs), y: Math.min(...ys), right: Math.max(...xs) + defaultNodeSize.width, bottom: Math.max(...ys) + defaultNodeSize.height };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The canvas's actions on the open dialog, as one stable object. Every edit of the
 * document is one undo step; paste and duplicate select what they added.
 */
export function useCanvasActions({ selectedEdgeIds, clearEdgeSelection, announce }: CanvasActionsOptions): CanvasActions {
  const flowStore = useFlowStore();
  const selectionStore = useSelectionStore();
  const flowApi = useReactFlow<CanvasNode, CanvasEdge>();
  const store = useStoreApi<CanvasNode, CanvasEdge>();

  return useMemo<CanvasActions>(() => {
    const openDialog = () => {
      const { dialogId } = selectionStore.getState();
      return flowStore.getState().flow.dialogs.find((dialog) => dialog.id === dialogId);
    };
    const selectedIds = () => selectionStore.getState().selectedElementIds;

    const copyText = () => {
      const fragment = buildFragment(flowStore.getState().flow, selectedIds());
      return fragment ? serializeFragment(fragment) : undefined;
    };

    const deleteSelection = () => {
      const dialog = openDialog();
      if (!dialog) return;
      const elementIds = selectedIds();
      const edgeIds = [...selectedEdgeIds()];
      if (elementIds.length === 0 && edgeIds.length === 0) return;
      flowStore.getState().edit((flow) => removeEdges(removeElements(flow, elementIds), dialog.id, edgeIds));
      selectionStore.getState().select([]);
      clearEdgeSelection();
    };

    /** The visible part of the flow, in flow coordinates. */
    const visibleRect = () => {
      const { width, height, transform } = store.getState();
      const [tx, ty, zoom] = transform;
      return { x: -tx / zoom, y: -ty / zoom, right: (width - tx) / zoom, bottom: (height - ty) / zoom, zoom, empty: width === 0 };
    };

    /** Where a fragment goes: where it was when that is in view (same bot), else the middle of the view. */
    const placement = (fragment: ClipboardFragment): Point | undefined => {
      const view = visibleRect();
      const box = boundsOf(fragment.elements.map((element) => element.position ?? { x: 0, y: 0 }));
      const inView = box.x < view.right && box.right > view.x && box.y < view.bottom && box.bottom > view.y;
      if (inView || view.empty) return undefined;
      return { x: (view.x + view.right) / 2 - (box.right - box.x) / 2, y: (view.y + view.bottom) / 2 - (box.bottom - box.y) / 2 };
    };

    /** Centres the view on elements just added when part of them is out of view. */
    const showAdded = (points: readonly Point[]) => {
      const view = visibleRect();
      if (points.length === 0 || view.empty) return;
      const box = boundsOf(points);
      if (box.x >= view.x && box.right <= view.right && box.y >= view.y && box.bottom <= view.bottom) return;
      void flowApi.setCenter((box.x + box.right) / 2, (box.y + box.bottom) / 2, { zoom: view.zoom, ...animation });
    };

    const pasteParsed = (fragment: ClipboardFragment, verb: string) => {
      const dialog = openDialog();
      if (!dialog) return;
      const at = placement(fragment);
      const result = pasteFragment(flowStore.getState().flow, dialog.id, fragment, at ? { at } : {});
      flowStore.getState().edit(() => result.flow);
      const notes: string[] = [];
      if (result.addedAttributes.length > 0) notes.push(`declared ${plural(result.addedAttributes.length, 'attribute')}: ${result.addedAttributes.join(', ')}`);
      if (result.conflictingAttributes.length > 0) notes.push(`kept this bot's type for ${result.conflictingAttributes.join(', ')}`);
      clearEdgeSelection();
      selectionStore.getState().select(result.elementIds);
      const added = new Set(result.elementIds);
      showAdded(result.flow.dialogs.flatMap((candidate) => candidate.elements.filter((element) => added.has(element.id)).map((element) => element.position ?? { x: 0, y: 0 })));
      announce(`${verb} ${plural(result.elementIds.length, 'element')}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`);
    };

    const paste = (text: string) => {
      const fragment = parseFragment(text);
      if (!fragment) return false;
      pasteParsed(fragment, 'Pasted');
      return true;
    };

    const fitView = () => void flowApi.fitView({ ...animation, padding: 0.15, maxZoom: 1.5 });

    return {
      copyText,
      cutText: () => {
        const text = copyText();
        if (text !== undefined) deleteSelection();
        return text;
      },
      paste,
      copyToClipboard: async () => {
        const text = copyText();
        if (text !== undefined) await navigator.clipboard.writeText(text);
      },
      cutToClipboard: async () => {
        const text = copyText();
        if (text === undefined) return;
        await navigator.clipboard.writeText(text);
        deleteSelection();
      },
      pasteFromClipboard: async () => {
        if (!paste(await navigator.clipboard.readText())) announce('The clipboard holds no elements');
      },
      duplicate: () => {
        const fragment = buildFragment(flowStore.getState().flow, selectedIds());
        if (fragment) pasteParsed(fragment, 'Duplicated');
      },
      deleteSelection,
      selectAll: () => {
        const dialog = openDialog();
        if (dialog) selectionStore.getState().select(dialog.elements.map((element) => element.id));
      },
      clearSelection: () => {
        selectionStore.getState().select([]);
        clearEdgeSelection();
      },
      autoLayout: (direction) => {
        const dialog = openDialog();
        if (!dialog || dialog.elements.length === 0) return;
        const sizes = new Map<string, Size>();
        for (const element of dialog.elements) {
          const node = flowApi.getInternalNode(element.id);
          if (node?.measured.width && node.measured.height) sizes.set(element.id, { width: node.measured.width, height: node.measured.height });
        }
        const positions = layoutElements(dialog.elements, dialog.edges, sizes, direction);
        flowStore.getState().edit((flow) => moveElements(flow, positions));
        requestAnimationFrame(fitView);
      },
      fitView,
      zoomToSelection: () => {
        const ids = selectedIds();
        if (ids.length === 0) fitView();
        else void flowApi.fitView({ ...animation, nodes: ids.map((id) => ({ id })), padding: 0.25, maxZoom: 1.5 });
      },
      zoomIn: () => void flowApi.zoomIn(animation),
      zoomOut: () => void flowApi.zoomOut(animation),
      setStartElement: () => {
        const [only, ...rest] = selectedIds();
        if (only === undefined || rest.length > 0) return;
        flowStore.getState().edit((flow) => setStartElement(flow, only));
      },
      undo: () => flowStore.getState().undo(),
      redo: () => flowStore.getState().redo(),
    };
  }, [flowStore, selectionStore, flowApi, store, selectedEdgeIds, clearEdgeSelection, announce]);
}
