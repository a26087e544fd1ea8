import type { FieldPath } from '../../bot-editor/document/editor-flow';

/** The inverse of formatFieldPath: 'conditions[1].rules[0].value' → ['conditions', 1, 'rules', 0, 'value']; '' → []. */
export function parseFieldPath(text: string): FieldPath {
  return [...text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] === undefined ? (match[1] ?? '') : Number(match[2])));
}
