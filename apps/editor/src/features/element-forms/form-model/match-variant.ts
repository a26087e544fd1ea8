import type { FieldDescription, UnionFieldDescription } from './field-description';

function fits(field: FieldDescription, value: unknown): boolean {
  switch (field.kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && field.options.some((option) => option.value === value);
    case 'const':
      return value === field.value;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'union':
      return matchVariant(field, value) !== undefined;
    case 'json':
      return true;
  }
}

/**
 * Which variant of a union `value` is, by index: by the discriminator's value when the
 * union has one, else the first variant whose kind fits the value (a string for an enum
 * variant, an object for an object variant ...). undefined when none fits (or no value).
 */
export function matchVariant(union: UnionFieldDescription, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (union.discriminator !== undefined) {
    const tag = typeof value === 'object' && value !== null ? Reflect.get(value, union.discriminator) : undefined;
    const index = union.variants.findIndex((variant) => variant.tag === tag);
    return index === -1 ? undefined : index;
  }
  const index = union.variants.findIndex((variant) => fits(variant.field, value));
  return index === -1 ? undefined : index;
}
