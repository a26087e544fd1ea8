import type { FieldDescription } from './field-description';

/**
 * The value a field starts with when a person adds it (a list item, an optional object
 * switched on, a union variant chosen): the schema default when there is one, else the
 * emptiest value of its kind. Objects get their required fields only (defaulted and
 * optional ones stay absent); lists get their minimum number of items. Text starts empty,
 * so validation asks for it.
 */
export function initialValue(field: FieldDescription): unknown {
  if (field.defaultValue !== undefined) return structuredClone(field.defaultValue);
  switch (field.kind) {
    case 'string':
      return '';
    case 'number':
      return field.minimum ?? 0;
    case 'boolean':
      return false;
    case 'enum':
      return field.options[0]?.value ?? '';
    case 'const':
      return field.value;
    case 'array':
      return Array.from({ length: field.minItems ?? 0 }, () => initialValue(field.item));
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const child of field.fields) {
        if (child.required && child.key !== undefined) value[child.key] = initialValue(child);
      }
      return value;
    }
    case 'union': {
      const first = field.variants[0];
      return first ? initialValue(first.field) : undefined;
    }
    case 'json':
      return null;
  }
}
