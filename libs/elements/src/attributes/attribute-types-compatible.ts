import type { AttributeType } from '../attribute-declaration-schema';

const textual: readonly AttributeType[] = ['text', 'number', 'boolean', 'date', 'phone', 'email', 'url'];

/**
 * Whether a value of type `from` may be copied into an attribute of type `to` (To Dialog
 * shared attributes, Component inputs/outputs): the same type; anything into `json`;
 * any scalar into `text`; `list` into `json` only. The engine still coerces each value
 * at run time and rejects one that does not fit.
 */
export function attributeTypesCompatible(from: AttributeType, to: AttributeType): boolean {
  if (from === to || to === 'json') return true;
  return to === 'text' && textual.includes(from);
}
