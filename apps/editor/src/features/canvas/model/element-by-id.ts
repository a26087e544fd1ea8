import type { EditorElement, EditorFlow } from '../../bot-editor/document/editor-flow';

const indexes = new WeakMap<EditorFlow['dialogs'], Map<string, EditorElement>>();

/**
 * The element with id `elementId` anywhere in `flow`. The index is built once per
 * document version (flow.dialogs array), so every canvas node can look up its own
 * element on each store change without scanning the flow.
 */
export function elementById(flow: EditorFlow, elementId: string): EditorElement | undefined {
  let index = indexes.get(flow.dialogs);
  if (!index) {
    index = new Map();
    for (const dialog of flow.dialogs) for (const element of dialog.elements) if (!index.has(element.id)) index.set(element.id, element);
    indexes.set(flow.dialogs, index);
  }
  return index.get(elementId);
}
