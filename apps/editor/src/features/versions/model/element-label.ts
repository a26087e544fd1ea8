import { elementRegistry } from '@parley/elements';
import type { EditorElement } from '../../bot-editor/document/editor-flow';
import { elementSummary } from '../../canvas/model/element-summary';

/** How lists name an element: its type's title, and its name or else a summary of its config ("Send message: Hello!"). */
export function elementLabel(element: EditorElement): { type: string; text: string } {
  const type = elementRegistry[element.type].title;
  const text = element.name?.trim() || elementSummary(element);
  return { type, text };
}
