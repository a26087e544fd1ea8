import type { FieldPath } from '../../bot-editor/document/editor-flow';

/** The DOM id of the control of `path` in element `elementId`'s settings (unique on the page, valid in CSS selectors after escaping). */
export function fieldDomId(elementId: string, path: FieldPath): string {
  return `ef-${elementId}${path.map((segment) => `--${String(segment)}`).join('')}`;
}
