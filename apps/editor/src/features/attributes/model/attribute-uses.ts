import type { EditorDialog, EditorElement, EditorFlow, FieldPath } from '../../bot-editor/document/editor-flow';
import type { AttributeRef } from './attribute-ref';
import { elementAttributeRefs } from './element-attribute-refs';
import { formatFieldPath } from './format-field-path';
import { settingsAttributeRefs } from './settings-attribute-refs';

/** One field that names the attribute. */
export type AttributeUseField = {
  readonly path: FieldPath;
  /** The path as flow issues write it ('message.text', 'conditions[0].rules[1].attribute'). */
  readonly field: string;
  readonly access: 'read' | 'write';
  readonly via: AttributeRef['via'];
};

/** Where an attribute is used: an element (with every field of it naming the attribute), or the bot's default fallback. */
export type AttributeUse =
  | { readonly kind: 'element'; readonly dialog: EditorDialog; readonly element: EditorElement; readonly fields: readonly AttributeUseField[] }
  | { readonly kind: 'bot-fallback'; readonly fields: readonly AttributeUseField[] };

function fieldsOf(refs: readonly AttributeRef[], name: string, relativeTo: number): AttributeUseField[] {
  const seen = new Set<string>();
  const fields: AttributeUseField[] = [];
  for (const ref of refs) {
    if (ref.name !== name) continue;
    const field = formatFieldPath(ref.path.slice(relativeTo));
    const key = `${field}|${ref.access}|${ref.via}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push({ path: ref.path, field, access: ref.access, via: ref.via });
  }
  return fields;
}

/**
 * Every place of the flow that reads or writes attribute `name`, in document order: each
 * element using it (once, with the fields that name it: placeholders, attribute fields,
 * Code's attributeApi names), then the bot's default fallback message. Pure.
 */
export function attributeUses(flow: EditorFlow, name: string): AttributeUse[] {
  const uses: AttributeUse[] = [];
  for (const dialog of flow.dialogs) {
    for (const element of dialog.elements) {
      const fields = fieldsOf(elementAttributeRefs(element), name, 0);
      if (fields.length > 0) uses.push({ kind: 'element', dialog, element, fields });
    }
  }
  const fallback = fieldsOf(settingsAttributeRefs(flow), name, 2);
  if (fallback.length > 0) uses.push({ kind: 'bot-fallback', fields: fallback });
  return uses;
}
