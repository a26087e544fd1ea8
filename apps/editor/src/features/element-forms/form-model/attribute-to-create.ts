import { attributeNameSchema, isBuiltInAttribute, type AttributeDeclaration, type FormMeta } from '@parley/elements';

/**
 * What typing `name` into an attribute picker may create: the declaration to add to
 * flow.attributes ({ name, type, scope: 'session' }, the type being the field's first
 * `attributeTypes`, else text), or why not (the name's rule, a built-in, already declared).
 * An empty name is neither.
 */
export function attributeToCreate(
  name: string,
  declared: readonly AttributeDeclaration[],
  meta: FormMeta,
): { ok: true; declaration: AttributeDeclaration } | { ok: false; message: string } | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return undefined;
  if (declared.some((declaration) => declaration.name === trimmed)) return { ok: false, message: `"${trimmed}" is already declared` };
  if (isBuiltInAttribute(trimmed)) return { ok: false, message: `"${trimmed}" is a built-in attribute` };
  const parsed = attributeNameSchema.safeParse(trimmed);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Not a valid attribute name' };
  return { ok: true, declaration: { name: trimmed, type: meta.attributeTypes?.[0] ?? 'text', scope: 'session' } };
}
