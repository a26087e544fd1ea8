'use client';

import type { FieldPath } from '../../bot-editor/document/editor-flow';
import { getAtPath } from '../../bot-editor/document/set-at-path';
import { useFlow } from '../../bot-editor/store/editor-stores';
import { findElement } from '../../bot-editor/document/flow-edits';

/**
 * The value at `path` inside element `elementId`, subscribed on its own: the component
 * re-renders only when this value changes (edits replace only the objects along the
 * edited path, so every other field keeps its value's identity).
 */
export function useElementValue(elementId: string, path: FieldPath): unknown {
  return useFlow((state) => getAtPath(findElement(state.flow, elementId), path));
}
