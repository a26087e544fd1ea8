import type { FieldPath } from '../../bot-editor/document/editor-flow';

/**
 * Where a config names an attribute: `path` inside the element (or inside the bot's
 * settings), read or written, and how: in a {{placeholder}} of a text, as an attribute
 * field (saveAs, a condition's attribute …) or as a literal name in a Code script
 * (`attributeApi.get('name')`).
 */
export type AttributeRef = {
  readonly name: string;
  readonly access: 'read' | 'write';
  readonly path: FieldPath;
  readonly via: 'placeholder' | 'field' | 'script';
};
