import { z } from 'zod';

/** Standard Person fields. */
export const standardProfileFieldSchema = z
  .enum(['firstName', 'lastName', 'email', 'phone'])
  .meta({
    description: 'A standard Person field.',
    title: 'Standard field',
    optionLabels: { firstName: 'First name', lastName: 'Last name', email: 'Email', phone: 'Phone number' },
  });
export type StandardProfileField = z.infer<typeof standardProfileFieldSchema>;

/** Types a custom profile attribute can have (a subset of the chatbot attribute types). */
export const customProfileAttributeTypeSchema = z
  .enum(['text', 'number', 'boolean', 'date', 'list'])
  .meta({ description: 'Type of the custom profile attribute.', title: 'Type' });
export type CustomProfileAttributeType = z.infer<typeof customProfileAttributeTypeSchema>;

/** Custom profile attribute names: a letter, then letters, digits or "_" (max 100). */
export const customProfileAttributeNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Start with a letter, then letters, digits or "_"')
  .meta({ description: 'Custom profile attribute name: a letter, then letters, digits or "_" (max 100).', title: 'Custom attribute name' });

/**
 * A Person field: a standard one by name, or a custom profile attribute with its type
 * (stored in Person.attributes under its name).
 */
export const profileFieldSchema = z.union([
  standardProfileFieldSchema,
  z.strictObject({ custom: customProfileAttributeNameSchema, type: customProfileAttributeTypeSchema }).meta({ title: 'Custom attribute' }),
]);
export type ProfileField = z.infer<typeof profileFieldSchema>;
