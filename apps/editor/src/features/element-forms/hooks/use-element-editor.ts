'use client';

import { useMemo } from 'react';
import type { EditorElement, EditorFlow, FieldPath } from '../../bot-editor/document/editor-flow';
import { setElementField, updateElement } from '../../bot-editor/document/flow-edits';
import { getAtPath } from '../../bot-editor/document/set-at-path';
import { useFlowStore } from '../../bot-editor/store/editor-stores';
import { findElement } from '../../bot-editor/document/flow-edits';

export type ElementEditor = {
  /**
   * Writes `value` at `path` (undefined removes an optional field or a list item). With
   * `typing`, edits of the same field in a burst merge into one undo step.
   */
  set(path: FieldPath, value: unknown, options?: { typing?: boolean }): void;
  /** Writes at `path` what `update` makes of the value there now (list moves, removals ...). */
  update(path: FieldPath, update: (current: unknown) => unknown): void;
  /** Replaces the element with `update(element)`: several fields in one undo step. */
  updateElement(update: (element: EditorElement) => EditorElement): void;
  /** Any edit of the whole flow (e.g. declare an attribute and pick it), as one undo step. */
  editFlow(update: (flow: EditorFlow) => EditorFlow): void;
  /** The element as it is now (for event handlers; components subscribe with useElementValue). */
  current(): EditorElement | undefined;
};

/**
 * Edits of one element, written straight into the document store (no local copy of the
 * form to lose), each an undo step; typing passes `typing` so a burst in one field is one
 * step (merge key `${elementId}:${path}`).
 */
export function useElementEditor(elementId: string): ElementEditor {
  const store = useFlowStore();
  return useMemo<ElementEditor>(() => {
    return {
      set: (path, value, options) =>
        store.getState().edit((flow) => setElementField(flow, elementId, path, value), options?.typing ? `${elementId}:${path.join('.')}` : undefined),
      update: (path, update) => store.getState().edit((flow) => setElementField(flow, elementId, path, update(getAtPath(findElement(flow, elementId), path)))),
      updateElement: (update) => store.getState().edit((flow) => updateElement(flow, elementId, update)),
      editFlow: (update) => store.getState().edit(update),
      current: () => findElement(store.getState().flow, elementId),
    };
  }, [store, elementId]);
}
