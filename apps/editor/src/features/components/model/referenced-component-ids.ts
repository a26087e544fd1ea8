import type { EditorFlow } from '../../bot-editor/document/editor-flow';

/** The ids Component elements of the flow's dialogs name, each once, in order of first use. */
export function referencedComponentIds(flow: EditorFlow): string[] {
  const ids = new Set<string>();
  for (const dialog of flow.dialogs) {
    for (const element of dialog.elements) {
      if (element.type === 'component' && typeof element.componentId === 'string' && element.componentId !== '') ids.add(element.componentId);
    }
  }
  return [...ids];
}
