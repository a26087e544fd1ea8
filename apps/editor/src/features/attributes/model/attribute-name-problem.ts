import { attributeNameSchema, isBuiltInAttribute } from '@parley/elements';

/** Attribute names are at most this long (attributeNameSchema). */
export const maxAttributeNameLength = 64;

/**
 * Why `name` cannot name a new (or renamed) attribute, naming the field, or undefined when
 * it can: required; attributeNameSchema's rules (a letter or "_", then letters, digits or
 * "_"; at most 64; not "__proto__"); not a built-in attribute's name (those are the
 * engine's); not the name of another declared attribute (`taken`).
 */
export function attributeNameProblem(name: string, taken: readonly string[]): string | undefined {
  if (name === '') return 'Name is required';
  if (name.length > maxAttributeNameLength) return `Name must be at most ${maxAttributeNameLength} characters`;
  const parsed = attributeNameSchema.safeParse(name);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'is not a valid attribute name';
    return name === '__proto__' ? `Name “${name}” is reserved` : `Name: ${message}`;
  }
  if (isBuiltInAttribute(name)) return `Name “${name}” is reserved: it is a built-in attribute`;
  if (taken.includes(name)) return `An attribute named “${name}” already exists`;
  return undefined;
}
