import { bindElement, elementSchema } from '@parley/elements';
import type { EditorElement } from '../../bot-editor/document/editor-flow';
import type { AttributeRef } from './attribute-ref';
import { schemaAttributeRefs } from './schema-attribute-refs';
import { scriptAttributeNames } from './script-attribute-names';

/**
 * Every attribute reference of one element, located inside it. An element that passes
 * its schema answers with its definition's attributeRefs (the references validation and
 * the engine use), plus, for Code, the names its script passes to attributeApi.get/set;
 * a half-filled one with what its written fields name (schemaAttributeRefs).
 */
export function elementAttributeRefs(element: EditorElement): AttributeRef[] {
  const parsed = elementSchema.safeParse(element);
  if (!parsed.success) return schemaAttributeRefs(element.type, element);
  const refs: AttributeRef[] = bindElement(parsed.data)
    .attributeRefs()
    .map((ref) => ({ name: ref.name, access: ref.access, path: ref.path, via: ref.via ?? 'placeholder' }));
  if (parsed.data.type === 'code') {
    for (const found of scriptAttributeNames(parsed.data.code)) refs.push({ ...found, path: ['code'], via: 'script' });
  }
  return refs;
}
