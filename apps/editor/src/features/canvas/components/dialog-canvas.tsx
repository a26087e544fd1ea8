'use client';

import '@xyflow/react/dist/style.css';

import { elementTypes, type ElementType } from '@parley/elements';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type NodeMouseHandler,
  type NodeTypes,
  type OnSelectionChangeFunc,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { EditorElement, Point } from '../../bot-editor/document/editor-flow';
import { connect, moveElements } from '../../bot-editor/document/flow-edits';
import { useFlow, useFlowStore, useSelection, useSelectionStore } from '../../bot-editor/store/editor-stores';
import { useAddElement } from '../hooks/use-add-element';
import { useCanvasActions } from '../hooks/use-canvas-actions';
import { useCanvasCommands } from '../hooks/use-canvas-commands';
import { useCanvasNodes } from '../hooks/use-canvas-nodes';
import { useCanvasShortcuts } from '../hooks/use-canvas-shortcuts';
import { useRevealElements } from '../hooks/use-reveal-elements';
import { defaultNodeSize } from '../layout/layout-elements';
import type { CanvasEdge } from '../model/canvas-edge';
import type { CanvasNode } from '../model/canvas-node';
import { categoryStyle } from '../model/category-style';
import { elementMimeType } from '../model/element-mime-type';
import { inputHandle, reconcileEdges } from '../model/reconcile-edges';
import { CanvasViewContext, type CanvasView, type ElementMark } from './canvas-view-context';
import { ElementNode } from './element-node';
import { NodeContextMenu, type NodeMenuState } from './node-context-menu';

export type DialogCanvasProps = {
  /** No dragging, connecting, deleting, pasting or shortcuts (a published version, the diff view). */
  readOnly?: boolean;
  /** Elements to mark as added / removed / changed (the version diff view). */
  marks?: ReadonlyMap<string, ElementMark>;
};

const nodeTypes: NodeTypes = { element: ElementNode };
const noElements: readonly EditorElement[] = [];
const noEdges: CanvasEdge[] = [];
const noIds: ReadonlySet<string> = new Set();
const knownTypes = new Set<string>(elementTypes);
const multiSelectKeys = ['Shift', 'Meta', 'Control'];

function isElementType(value: string): value is ElementType {
  return knownTypes.has(value);
}

/**
 * The open dialog's canvas (the dialog is the selection store's dialogId). Fills its
 * parent, which gives it a height. Needs the editor's <ReactFlowProvider> around it
 * (ElementPalette and CommandPalette share it) and the editor stores.
 *
 * Nodes live in canvas-local state while they are dragged and the move is written to the
 * document once, on drop, as one undo step (undo tracking is paused in between).
 * Selection is mirrored into the selection store both ways; edge selection stays local.
 */
export function DialogCanvas({ readOnly = false, marks }: DialogCanvasProps) {
  const flowStore = useFlowStore();
  const selectionStore = useSelectionStore();
  const dialogId = useSelection((state) => state.dialogId);
  const selectedIds = useSelection((state) => state.selectedElementIds);
  const focusRequest = useSelection((state) => state.focusRequest);
  const elements = useFlow((state) => state.flow.dialogs.find((dialog) => dialog.id === dialogId)?.elements ?? noElements);
  const dialogEdges = useFlow((state) => state.flow.dialogs.find((dialog) => dialog.id === dialogId)?.edges);
  const hasDialog = useFlow((state) => state.flow.dialogs.some((dialog) => dialog.id === dialogId));
  const { nodes, applyChanges } = useCanvasNodes(elements, selectedIds);
  const flowApi = useReactFlow<CanvasNode, CanvasEdge>();
  const reveal = useRevealElements();
  const addElement = useAddElement();
  const [container, setContainer] = useState<HTMLDivElement | null>(null);

  // Edge selection: canvas-local, forgotten when another dialog opens.
  const [edgeSelection, setEdgeSelection] = useState<{ dialogId: string; ids: ReadonlySet<string> }>({ dialogId, ids: noIds });
  const selectedEdgeIds = edgeSelection.dialogId === dialogId ? edgeSelection.ids : noIds;
  const edgeSelectionRef = useRef(selectedEdgeIds);
  useEffect(() => {
    edgeSelectionRef.current = selectedEdgeIds;
  }, [selectedEdgeIds]);
  const getSelectedEdgeIds = useCallback(() => edgeSelectionRef.current, []);
  const clearEdgeSelection = useCallback(() => setEdgeSelection((current) => (current.ids.size === 0 ? current : { dialogId: current.dialogId, ids: noIds })), []);

  const elementIds = useMemo(() => new Set(elements.map((element) => element.id)), [elements]);
  const previousEdges = useRef<CanvasEdge[]>(noEdges);
  const edges = useMemo(
    () => reconcileEdges(previousEdges.current, dialogEdges ?? [], elementIds, selectedEdgeIds, readOnly),
    [dialogEdges, elementIds, selectedEdgeIds, readOnly],
  );
  useEffect(() => {
    previousEdges.current = edges;
  }, [edges]);

  // A short message where the person is looking (what a paste declared ...), also read out.
  const [status, setStatus] = useState<{ text: string; key: number } | null>(null);
  const announce = useCallback((text: string) => setStatus({ text, key: Date.now() }), []);
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(null), 5000);
    return () => clearTimeout(timer);
  }, [status]);

  const actions = useCanvasActions({ selectedEdgeIds: getSelectedEdgeIds, clearEdgeSelection, announce });
  useCanvasShortcuts(actions, !readOnly, container);
  useCanvasCommands(actions, !readOnly, selectedEdgeIds.size > 0);

  // Selected ids of elements that are gone (undo, another editor's change) are dropped.
  useEffect(() => {
    if (selectedIds.some((id) => !elementIds.has(id))) selectionStore.getState().select(selectedIds.filter((id) => elementIds.has(id)));
  }, [selectedIds, elementIds, selectionStore]);

  // Opening a dialog fits it into view, or the selected elements (Go to element, a problem's field).
  useEffect(() => {
    const selected = selectionStore.getState().selectedElementIds;
    if (selected.length > 0) void flowApi.fitView({ nodes: selected.map((id) => ({ id })), maxZoom: 1, padding: 0.3 });
    else void flowApi.fitView({ maxZoom: 1, padding: 0.15 });
  }, [dialogId, flowApi, selectionStore]);

  // A request to focus an element's field (Problems panel) also brings the element into view.
  // (Only requests made while this canvas is open: opening a dialog already fits the selection.)
  const focusNonce = focusRequest?.nonce;
  const focusElement = focusRequest?.elementId;
  const seenFocusNonce = useRef(focusNonce);
  useEffect(() => {
    if (focusNonce === seenFocusNonce.current) return;
    seenFocusNonce.current = focusNonce;
    if (focusElement !== undefined && elementIds.has(focusElement)) reveal([focusElement]);
  }, [focusNonce, focusElement, elementIds, reveal]);

  // Dragging: positions stay local until the drag ends; then one undo step.
  const dragging = useRef<{ paused: boolean } | null>(null);
  const resumeHistory = useCallback(() => {
    if (dragging.current?.paused) flowStore.temporal.getState().resume();
    dragging.current = null;
  }, [flowStore]);
  useEffect(() => resumeHistory, [resumeHistory]);
  const onDragStart = useCallback(() => {
    if (dragging.current) return;
    const temporal = flowStore.temporal.getState();
    const paused = temporal.isTracking;
    if (paused) temporal.pause();
    dragging.current = { paused };
  }, [flowStore]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      applyChanges(changes);
      if (readOnly) return;
      const moved = new Map<string, Point>();
      for (const change of changes) if (change.type === 'position' && change.position && change.dragging === false) moved.set(change.id, change.position);
      if (moved.size === 0) return;
      const wasDrag = dragging.current !== null;
      resumeHistory();
      const flow = flowStore.getState().flow;
      const dialog = flow.dialogs.find((candidate) => candidate.id === selectionStore.getState().dialogId);
      const changed = new Map<string, Point>();
      for (const element of dialog?.elements ?? []) {
        const to = moved.get(element.id);
        if (to && (Math.round(to.x) !== element.position?.x || Math.round(to.y) !== element.position?.y)) changed.set(element.id, to);
      }
      // Arrow-key moves of the same selection within a second are one undo step.
      if (changed.size > 0) flowStore.getState().edit((current) => moveElements(current, changed), wasDrag ? undefined : 'canvas.keyboard-move');
    },
    [applyChanges, readOnly, resumeHistory, flowStore, selectionStore],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const selects = changes.filter((change) => change.type === 'select');
      if (selects.length === 0) return;
      setEdgeSelection((current) => {
        const ids = new Set(current.dialogId === dialogId ? current.ids : noIds);
        for (const change of selects) {
          if (change.selected) ids.add(change.id);
          else ids.delete(change.id);
        }
        return { dialogId, ids };
      });
    },
    [dialogId],
  );

  const onSelectionChange = useCallback<OnSelectionChangeFunc<CanvasNode, CanvasEdge>>(
    ({ nodes: selected }) => selectionStore.getState().select(selected.map((node) => node.id)),
    [selectionStore],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (readOnly) return;
      const id = selectionStore.getState().dialogId;
      flowStore.getState().edit((flow) => connect(flow, id, { from: connection.source, port: connection.sourceHandle ?? undefined, to: connection.target }));
    },
    [readOnly, flowStore, selectionStore],
  );

  const isValidConnection = useCallback<IsValidConnection<CanvasEdge>>(
    (connection) => connection.source !== connection.target && (connection.targetHandle ?? inputHandle) === inputHandle,
    [],
  );

  const onNodeDoubleClick = useCallback<NodeMouseHandler<CanvasNode>>((_event, node) => selectionStore.getState().select([node.id]), [selectionStore]);

  const [menu, setMenu] = useState<NodeMenuState | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const onNodeContextMenu = useCallback<NodeMouseHandler<CanvasNode>>(
    (event, node) => {
      if (readOnly || !container) return;
      event.preventDefault();
      const { selectedElementIds } = selectionStore.getState();
      if (!selectedElementIds.includes(node.id)) selectionStore.getState().select([node.id]);
      const rect = container.getBoundingClientRect();
      const target = event.currentTarget instanceof Element ? event.currentTarget.getBoundingClientRect() : undefined;
      // A keyboard-opened menu has no pointer position: open it at the node's corner.
      const x = event.clientX === 0 && event.clientY === 0 && target ? target.left + 8 : event.clientX;
      const y = event.clientX === 0 && event.clientY === 0 && target ? target.top + 8 : event.clientY;
      const startElementId = flowStore.getState().flow.dialogs.find((dialog) => dialog.id === selectionStore.getState().dialogId)?.startElementId;
      setMenu({ x: x - rect.left, y: y - rect.top, elementId: node.id, isStart: startElementId === node.id });
    },
    [readOnly, container, selectionStore, flowStore],
  );

  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (readOnly || !event.dataTransfer.types.includes(elementMimeType)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    [readOnly],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      if (readOnly) return;
      const type = event.dataTransfer.getData(elementMimeType);
      if (!isElementType(type)) return;
      event.preventDefault();
      const point = flowApi.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = addElement(type, { x: point.x - defaultNodeSize.width / 2, y: point.y - 20 });
      if (id === undefined) announce('This dialog already has as many of these elements as it may');
    },
    [readOnly, flowApi, addElement, announce],
  );

  const view = useMemo<CanvasView>(() => ({ readOnly, marks }), [readOnly, marks]);
  const minimapColor = useCallback((node: CanvasNode) => categoryStyle[node.data.category].minimap, []);

  if (!hasDialog) return <div className="grid h-full place-items-center text-sm text-muted-foreground">No dialog is open.</div>;

  return (
    <CanvasViewContext value={view}>
      <div ref={setContainer} className="relative h-full w-full" data-testid="dialog-canvas" onDragOver={onDragOver} onDrop={onDrop}>
        <ReactFlow<CanvasNode, CanvasEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onSelectionChange={onSelectionChange}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onNodeDragStart={onDragStart}
          onSelectionDragStart={onDragStart}
          onNodeDragStop={resumeHistory}
          onSelectionDragStop={resumeHistory}
          onNodeDoubleClick={onNodeDoubleClick}
          onNodeContextMenu={onNodeContextMenu}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesFocusable
          elementsSelectable
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={multiSelectKeys}
          minZoom={0.1}
          maxZoom={2}
          colorMode="system"
          aria-label="Dialog canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} />
          <Controls showInteractive={false} />
          <MiniMap<CanvasNode> pannable zoomable nodeColor={minimapColor} ariaLabel="Minimap" style={{ width: 160, height: 110 }} />
        </ReactFlow>
        {readOnly ? null : <NodeContextMenu menu={menu} actions={actions} onClose={closeMenu} />}
        <div role="status" aria-live="polite" className="pointer-events-none absolute inset-x-0 bottom-4 flex justify-center">
          {status ? (
            <span key={status.key} className="rounded-md bg-foreground px-3 py-1.5 text-sm text-background shadow">
              {status.text}
            </span>
          ) : null}
        </div>
      </div>
    </CanvasViewContext>
  );
}
