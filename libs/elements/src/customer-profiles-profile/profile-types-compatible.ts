import type { AttributeType } from '../attribute-declaration-schema';
import type { ProfileContactType } from '../calls/profile-contact-schema';
import type { ProfileField } from '../calls/profile-field-schema';

const scalars: readonly AttributeType[] = ['text', 'number', 'boolean', 'date', 'phone', 'email', 'url'];

/**
 * The attribute mapping table: whether a value of type `from` may be copied into type
 * `to` (chatbot attribute → profile field for create-or-update, field → attribute for
 * get). Allowed: the same type; anything into json; any scalar into text; text into any
 * scalar (the value is checked when it is stored: a malformed email fails with
 * InvalidValue, a malformed value read into an attribute is not written). Lists go into
 * lists and json only.
 */
export function profileTypesCompatible(from: AttributeType, to: AttributeType): boolean {
  if (from === to || to === 'json') return true;
  return (to === 'text' && scalars.includes(from)) || (from === 'text' && scalars.includes(to));
}

/** The type of a profile field: names text, email and phone by kind; custom attributes as declared. */
export function profileFieldType(field: ProfileField): AttributeType {
  switch (field) {
    case 'firstName':
    case 'lastName':
      return 'text';
    case 'email':
      return 'email';
    case 'phone':
      return 'phone';
    default:
      return field.type;
  }
}

/** Attribute types that can hold a contact of `type` (text always can). */
export function contactAttributeTypes(type: ProfileContactType): readonly AttributeType[] {
  switch (type) {
    case 'phone':
      return ['text', 'phone', 'number'];
    case 'email':
      return ['text', 'email'];
    case 'external-id':
      return ['text', 'number', 'phone', 'email', 'url'];
  }
}

/** A display name of a profile field: 'firstName', or 'custom attribute "tier"'. */
export function profileFieldLabel(field: ProfileField): string {
  return typeof field === 'string' ? field : `custom attribute "${field.custom}"`;
}
