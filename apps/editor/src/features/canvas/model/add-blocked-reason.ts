import { elementRegistry, type ElementType } from '@parley/elements';
import type { EditorDialog } from '../../bot-editor/document/editor-flow';

/**
 * Why an element of `type` cannot be added to `dialog` (its type's maxPerDialog is
 * reached), or undefined when it can. Without an open dialog nothing can be added.
 */
export function addBlockedReason(type: ElementType, dialog: EditorDialog | undefined): string | undefined {
  const definition = elementRegistry[type];
  if (!dialog) return 'Open a dialog first';
  const max = definition.maxPerDialog;
  if (max === undefined) return undefined;
  const count = dialog.elements.filter((element) => element.type === type).length;
  if (count < max) return undefined;
  return max === 1 ? `A dialog can have only one ${definition.title} element` : `A dialog can have at most ${max} ${definition.title} elements`;
}
