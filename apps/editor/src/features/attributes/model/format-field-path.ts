import type { FieldPath } from '../../bot-editor/document/editor-flow';

/** `['buttons', 1, 'label']` → 'buttons[1].label': the `field` format of flow issues and of focusField. */
export function formatFieldPath(path: FieldPath): string {
  return path.reduce<string>((field, segment) => (typeof segment === 'number' ? `${field}[${segment}]` : field === '' ? segment : `${field}.${segment}`), '');
}
