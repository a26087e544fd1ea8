import type { EditorFlow } from './editor-flow';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * True when `value` has the shape the editor can open: a version-1 flow whose dialogs
 * have ids, names, a start element id, element objects with an id and a type, and
 * edges with ids and ends (the API's "draft shape", which every saved draft passes).
 * Field values are not checked: validateFlow reports those, and the editor shows them.
 */
export function isEditableFlow(value: unknown): value is EditorFlow {
  if (!isRecord(value) || value.version !== 1 || !Array.isArray(value.attributes) || typeof value.entryDialogId !== 'string') return false;
  if (!Array.isArray(value.dialogs) || value.dialogs.length === 0) return false;
  return value.dialogs.every(
    (dialog) =>
      isRecord(dialog) &&
      typeof dialog.id === 'string' &&
      typeof dialog.name === 'string' &&
      typeof dialog.startElementId === 'string' &&
      Array.isArray(dialog.elements) &&
      dialog.elements.every((element) => isRecord(element) && typeof element.id === 'string' && typeof element.type === 'string') &&
      Array.isArray(dialog.edges) &&
      dialog.edges.every((edge) => isRecord(edge) && typeof edge.id === 'string' && typeof edge.from === 'string' && typeof edge.to === 'string'),
  );
}
