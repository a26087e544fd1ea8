'use client';

import type { FieldPath } from '../../bot-editor/document/editor-flow';
import { getAtPath } from '../../bot-editor/document/set-at-path';
import { useFlow } from '../../bot-editor/store/editor-stores';
import { findElement } from '../../bot-editor/document/flow-edits';

/**
 * How many items the list at `path` has (0 when absent). Lists subscribe to this, not to
 * the list itself, so typing in one item re-renders that item only.
 */
export function useElementLength(elementId: string, path: FieldPath): number {
  return useFlow((state) => {
    const value = getAtPath(findElement(state.flow, elementId), path);
    return Array.isArray(value) ? value.length : 0;
  });
}
