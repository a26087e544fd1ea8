import { z } from 'zod';

/** Attribute names are identifiers, so `{{name}}` placeholders can always reference them. */
export const attributeNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Start with a letter or "_", then letters, digits or "_"')
  .refine((name) => name !== '__proto__', 'This name is reserved')
  .meta({ description: 'Attribute name: a letter or "_", then letters, digits or "_" (max 64).' });

export const attributeTypeSchema = z.enum(['text', 'number', 'boolean', 'date', 'phone', 'email', 'url', 'list', 'json']);
export type AttributeType = z.infer<typeof attributeTypeSchema>;

/** 'session' values live for one session; 'person' values are kept by the runner across sessions. */
export const attributeScopeSchema = z.enum(['session', 'person']);
export type AttributeScope = z.infer<typeof attributeScopeSchema>;

export const attributeDeclarationSchema = z.strictObject({
  name: attributeNameSchema,
  type: attributeTypeSchema,
  scope: attributeScopeSchema,
});
export type AttributeDeclaration = z.infer<typeof attributeDeclarationSchema>;

/**
 * Attributes the engine maintains itself. Flows may read them in placeholders without
 * declaring them, and may neither declare nor write them.
 * - lastReceivedMessage: text of the latest user message the session accepted.
 */
export const builtInAttributes: readonly AttributeDeclaration[] = [
  { name: 'lastReceivedMessage', type: 'text', scope: 'session' },
];

/** True when `name` is engine-maintained (see builtInAttributes). */
export function isBuiltInAttribute(name: string): boolean {
  return builtInAttributes.some((attribute) => attribute.name === name);
}
