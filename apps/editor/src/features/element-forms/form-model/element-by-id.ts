import type { EditorElement, EditorFlow } from '../../bot-editor/document/editor-flow';

const indexes = new WeakMap<EditorFlow, ReadonlyMap<string, EditorElement>>();

/**
 * The element with this id anywhere in the flow, through an index built once per flow
 * object (flows are replaced, never mutated, on each edit). Every field of the settings
 * form selects its value through this, so one keystroke costs one index build and then a
 * map lookup per subscribed field, even in a bot of hundreds of elements.
 */
export function elementById(flow: EditorFlow, elementId: string): EditorElement | undefined {
  let index = indexes.get(flow);
  if (!index) {
    const built = new Map<string, EditorElement>();
    for (const dialog of flow.dialogs) for (const element of dialog.elements) built.set(element.id, element);
    indexes.set(flow, built);
    index = built;
  }
  return index.get(elementId);
}
