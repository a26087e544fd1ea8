import { coerceAttributeValue, type AttributeType, type AttributeValue } from '@parley/elements';

/** A default value as the form's text box shows it: text as it is, anything else as JSON; '' for none. */
export function defaultValueText(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export type ParsedDefault = { ok: true; value: AttributeValue | undefined } | { ok: false; message: string };

/**
 * The default value typed in the form, as the attribute's type stores it (the engine's
 * coerceAttributeValue: "42" is the number 42 for a number, "yes" true for a boolean, a
 * JSON array for a list …); an empty box means no default. Refusals name the field.
 */
export function parseDefaultValue(type: AttributeType, text: string): ParsedDefault {
  if (type === 'text' ? text === '' : text.trim() === '') return { ok: true, value: undefined };
  const coerced = coerceAttributeValue(type, text);
  return coerced.ok ? { ok: true, value: coerced.value } : { ok: false, message: `Default value is ${coerced.message}` };
}
