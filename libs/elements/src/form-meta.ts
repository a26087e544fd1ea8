import { z } from 'zod';
import { attributeTypeSchema } from './attribute-declaration-schema';

/**
 * Controls a schema field can ask the editor for, instead of the one its JSON type
 * implies (a string gets a one-line input, a boolean a switch, an enum a select ...):
 * - textarea: multi-line text (messages, bodies);
 * - attribute: one attribute of the flow (a combobox of flow.attributes that can create
 *   one), narrowed by `attributeTypes` and `attributeAccess`;
 * - dialog: one dialog of the flow; component: one component of the workspace;
 *   certificate: one mTLS client certificate of the workspace;
 * - code: the JavaScript editor (with the code assistant);
 * - keywords, conditions, buttons: the hand-made editors of User response keywords, the
 *   Conditions builder and quick replies;
 * - key-value: a list of objects with `key` and `value` whose keys must be unique
 *   (`caseInsensitiveKeys`: compared ignoring case, as HTTP header names are);
 * - hidden: not shown (set by Parley, e.g. keyword synonyms added at publish).
 */
export const formEditorSchema = z.enum([
  'textarea',
  'attribute',
  'dialog',
  'component',
  'certificate',
  'code',
  'keywords',
  'conditions',
  'key-value',
  'buttons',
  'hidden',
]);
export type FormEditor = z.infer<typeof formEditorSchema>;

/**
 * Form metadata of a schema field, given with zod's `.meta({...})` beside `description`
 * (zod copies every key into the JSON Schema, which the editor's forms read):
 * - title: the label, as the spec names the field (else the key in words: saveAs → "Save as");
 * - editor: a special control (formEditorSchema);
 * - order: sorts the fields of an object (lower first; unordered fields keep schema order
 *   after the ordered ones with a negative order and before those with a positive one);
 * - itemTitle: what one item of a list is called ("Quick reply" → "Quick reply 2");
 * - optionLabels: labels of enum values (and of the values of a small integer range,
 *   which is then offered as a select, e.g. repeat 0 → "No repeat");
 * - attributeTypes: the types of value an attribute field carries. The picker offers the
 *   attributes they fit: for a written field those a value of one of the types may be
 *   copied into (attributeTypesCompatible), for a read field those of one of the types;
 *   a created attribute gets the first type. Absent: any attribute fits.
 * - attributeAccess: 'write' for fields the element writes (inbound attributes are
 *   read-only, so they are not offered); 'read' (the default) otherwise;
 * - visibleWhen: show the field only while the sibling field `field` has one of `oneOf`
 *   (a value already set stays visible, so a problem with it can be seen and fixed);
 * - caseInsensitiveKeys: for key-value lists, keys that differ only in case are duplicates.
 * None of this changes validation: the schemas' rules stay where they are.
 */
export const formMetaSchema = z.object({
  title: z.string().optional(),
  editor: formEditorSchema.optional(),
  order: z.number().optional(),
  itemTitle: z.string().optional(),
  optionLabels: z.record(z.string(), z.string()).optional(),
  attributeTypes: z.array(attributeTypeSchema).optional(),
  attributeAccess: z.enum(['read', 'write']).optional(),
  visibleWhen: z.object({ field: z.string(), oneOf: z.array(z.string()) }).optional(),
  caseInsensitiveKeys: z.boolean().optional(),
});
export type FormMeta = z.infer<typeof formMetaSchema>;

/**
 * Reads the form metadata of a JSON Schema node (from z.toJSONSchema): the keys of
 * formMetaSchema that are well formed; anything else is ignored.
 */
export function readFormMeta(node: unknown): FormMeta {
  if (typeof node !== 'object' || node === null) return {};
  const picked: Record<string, unknown> = {};
  for (const key of formMetaSchema.keyof().options) {
    const value: unknown = Reflect.get(node, key);
    if (value !== undefined && formMetaSchema.shape[key].safeParse(value).success) picked[key] = value;
  }
  return formMetaSchema.parse(picked);
}

declare module 'zod' {
  // Types the form keys of `.meta({...})` on every schema (a misspelt editor name fails the type check).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- interface merging is how zod's metadata is typed
  interface GlobalMeta extends FormMeta {}
}
