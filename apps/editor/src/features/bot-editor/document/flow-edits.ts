import { defaultPort } from '@parley/elements';
import type { EditorDialog, EditorEdge, EditorElement, EditorFlow, FieldPath, Point } from './editor-flow';
import { newId } from './new-id';
import { setAtPath } from './set-at-path';

/*
 * Pure edits of the flow document. Each returns a new flow (unchanged parts shared, so
 * selectors of untouched elements keep their values and their nodes do not re-render),
 * or the same flow object when there was nothing to change. Element ids are unique across
 * the flow, so most edits find an element by its id alone.
 */

/** Every id in the flow (dialogs, elements, edges): what a new id must avoid. */
export function flowIds(flow: EditorFlow): Set<string> {
  const ids = new Set<string>();
  for (const dialog of flow.dialogs) {
    ids.add(dialog.id);
    for (const element of dialog.elements) ids.add(element.id);
    for (const edge of dialog.edges) ids.add(edge.id);
  }
  return ids;
}

/** The dialog holding element `elementId`, or undefined. */
export function dialogOfElement(flow: EditorFlow, elementId: string): EditorDialog | undefined {
  return flow.dialogs.find((dialog) => dialog.elements.some((element) => element.id === elementId));
}

const elementIndexes = new WeakMap<EditorFlow['dialogs'], Map<string, EditorElement>>();

/**
 * The element with this id, anywhere in the flow (the first, should an id repeat). The
 * index is built once per version of `flow.dialogs` (replaced, never mutated, by every
 * edit of an element), so every node and settings field can look up its own element on
 * each store change with a map lookup instead of a scan, even in a bot of hundreds.
 */
export function findElement(flow: EditorFlow, elementId: string): EditorElement | undefined {
  let index = elementIndexes.get(flow.dialogs);
  if (!index) {
    index = new Map();
    for (const dialog of flow.dialogs) for (const element of dialog.elements) if (!index.has(element.id)) index.set(element.id, element);
    elementIndexes.set(flow.dialogs, index);
  }
  return index.get(elementId);
}

function mapDialog(flow: EditorFlow, dialogId: string, update: (dialog: EditorDialog) => EditorDialog): EditorFlow {
  let changed = false;
  const dialogs = flow.dialogs.map((dialog) => {
    if (dialog.id !== dialogId) return dialog;
    const next = update(dialog);
    if (next !== dialog) changed = true;
    return next;
  });
  return changed ? { ...flow, dialogs } : flow;
}

/** Replaces the element `elementId` with `update(element)`. */
export function updateElement(flow: EditorFlow, elementId: string, update: (element: EditorElement) => EditorElement): EditorFlow {
  const dialog = dialogOfElement(flow, elementId);
  if (!dialog) return flow;
  return mapDialog(flow, dialog.id, (current) => {
    let changed = false;
    const elements = current.elements.map((element) => {
      if (element.id !== elementId) return element;
      const next = update(element);
      if (next !== element) changed = true;
      return next;
    });
    return changed ? { ...current, elements } : current;
  });
}

/** Sets one field of an element (`undefined` removes an optional field or an array item). */
export function setElementField(flow: EditorFlow, elementId: string, path: FieldPath, value: unknown): EditorFlow {
  return updateElement(flow, elementId, (element) => setAtPath(element, path, value));
}

/**
 * Adds elements (and edges between them) to a dialog. A dialog that had no elements gets
 * the first added one as its start element.
 */
export function addElements(flow: EditorFlow, dialogId: string, elements: readonly EditorElement[], edges: readonly EditorEdge[] = []): EditorFlow {
  if (elements.length === 0 && edges.length === 0) return flow;
  return mapDialog(flow, dialogId, (dialog) => {
    const startMissing = !dialog.elements.some((element) => element.id === dialog.startElementId);
    return {
      ...dialog,
      startElementId: startMissing && elements[0] ? elements[0].id : dialog.startElementId,
      elements: [...dialog.elements, ...elements],
      edges: [...dialog.edges, ...edges],
    };
  });
}

/**
 * Removes elements and every edge that touches them. When a dialog's start element goes,
 * its first remaining element becomes the start ('' when none is left: validateFlow
 * reports it).
 */
export function removeElements(flow: EditorFlow, elementIds: Iterable<string>): EditorFlow {
  const gone = new Set(elementIds);
  if (gone.size === 0) return flow;
  let changed = false;
  const dialogs = flow.dialogs.map((dialog) => {
    if (!dialog.elements.some((element) => gone.has(element.id))) return dialog;
    changed = true;
    const elements = dialog.elements.filter((element) => !gone.has(element.id));
    const startElementId = gone.has(dialog.startElementId) ? (elements[0]?.id ?? '') : dialog.startElementId;
    return { ...dialog, startElementId, elements, edges: dialog.edges.filter((edge) => !gone.has(edge.from) && !gone.has(edge.to)) };
  });
  return changed ? { ...flow, dialogs } : flow;
}

/** Moves elements to new canvas positions (rounded to whole pixels). */
export function moveElements(flow: EditorFlow, positions: ReadonlyMap<string, Point>): EditorFlow {
  if (positions.size === 0) return flow;
  let changed = false;
  const dialogs = flow.dialogs.map((dialog) => {
    if (!dialog.elements.some((element) => positions.has(element.id))) return dialog;
    changed = true;
    return {
      ...dialog,
      elements: dialog.elements.map((element) => {
        const point = positions.get(element.id);
        return point ? { ...element, position: { x: Math.round(point.x), y: Math.round(point.y) } } : element;
      }),
    };
  });
  return changed ? { ...flow, dialogs } : flow;
}

/**
 * Draws an edge from `from`'s `port` to `to` in one dialog. A port leads to one element,
 * so an edge already leaving that port is replaced. Edges to the element itself are refused.
 */
export function connect(flow: EditorFlow, dialogId: string, link: { from: string; port?: string | undefined; to: string }): EditorFlow {
  if (link.from === link.to) return flow;
  const port = link.port ?? defaultPort;
  return mapDialog(flow, dialogId, (dialog) => {
    const kept = dialog.edges.filter((edge) => !(edge.from === link.from && (edge.port ?? defaultPort) === port));
    const id = newId('edge', flowIds(flow));
    const edge: EditorEdge = port === defaultPort ? { id, from: link.from, to: link.to } : { id, from: link.from, port, to: link.to };
    return { ...dialog, edges: [...kept, edge] };
  });
}

/** Removes edges by id from one dialog. */
export function removeEdges(flow: EditorFlow, dialogId: string, edgeIds: Iterable<string>): EditorFlow {
  const gone = new Set(edgeIds);
  return mapDialog(flow, dialogId, (dialog) => (dialog.edges.some((edge) => gone.has(edge.id)) ? { ...dialog, edges: dialog.edges.filter((edge) => !gone.has(edge.id)) } : dialog));
}

/** Makes `elementId` the element its dialog starts at. */
export function setStartElement(flow: EditorFlow, elementId: string): EditorFlow {
  const dialog = dialogOfElement(flow, elementId);
  if (!dialog || dialog.startElementId === elementId) return flow;
  return mapDialog(flow, dialog.id, (current) => ({ ...current, startElementId: elementId }));
}

/** Adds an empty dialog named `name` at the end; returns the flow and the new dialog's id. */
export function addDialog(flow: EditorFlow, name: string): { flow: EditorFlow; dialogId: string } {
  const dialogId = newId('dialog', flowIds(flow));
  const dialog: EditorDialog = { id: dialogId, name, startElementId: '', elements: [], edges: [] };
  return { flow: { ...flow, dialogs: [...flow.dialogs, dialog] }, dialogId };
}

/** Renames a dialog. */
export function renameDialog(flow: EditorFlow, dialogId: string, name: string): EditorFlow {
  return mapDialog(flow, dialogId, (dialog) => (dialog.name === name ? dialog : { ...dialog, name }));
}

/**
 * Removes a dialog (never the last one). When it was the entry dialog the first remaining
 * dialog becomes the entry; the Default and Session Expire roles it had are cleared.
 * To Dialog elements that pointed at it stay, and validateFlow names them.
 */
export function removeDialog(flow: EditorFlow, dialogId: string): EditorFlow {
  const dialogs = flow.dialogs.filter((dialog) => dialog.id !== dialogId);
  const first = dialogs[0];
  if (dialogs.length === flow.dialogs.length || !first) return flow;
  const next: EditorFlow = { ...flow, dialogs, entryDialogId: flow.entryDialogId === dialogId ? first.id : flow.entryDialogId };
  if (next.defaultDialogId === dialogId) delete next.defaultDialogId;
  if (next.sessionExpireDialogId === dialogId) delete next.sessionExpireDialogId;
  return next;
}

/** Moves a dialog to position `toIndex` in the sidebar order. */
export function moveDialog(flow: EditorFlow, dialogId: string, toIndex: number): EditorFlow {
  const from = flow.dialogs.findIndex((dialog) => dialog.id === dialogId);
  const moving = flow.dialogs[from];
  if (!moving) return flow;
  const target = Math.max(0, Math.min(flow.dialogs.length - 1, toIndex));
  if (target === from) return flow;
  const dialogs = flow.dialogs.filter((dialog) => dialog.id !== dialogId);
  dialogs.splice(target, 0, moving);
  return { ...flow, dialogs };
}

/** The dialog roles a flow names: where sessions start, the Default dialog, the Session Expire dialog. */
export type DialogRole = 'entryDialogId' | 'defaultDialogId' | 'sessionExpireDialogId';

/** Gives `dialogId` a role (or clears an optional role with undefined; the entry role cannot be cleared). */
export function setDialogRole(flow: EditorFlow, role: DialogRole, dialogId: string | undefined): EditorFlow {
  if (flow[role] === dialogId) return flow;
  if (role === 'entryDialogId') return dialogId === undefined ? flow : { ...flow, entryDialogId: dialogId };
  const next: EditorFlow = { ...flow };
  if (dialogId === undefined) delete next[role];
  else next[role] = dialogId;
  return next;
}
