import type { ProfileContactType } from '../calls/profile-contact-schema';
import type { ElementIssue } from '../element-issue-schema';
import { lookupDeclaration, type ValidationContext } from '../validation-context';
import { contactAttributeTypes } from './profile-types-compatible';

/**
 * With an explicit contact type, the contact attribute's declared type must be able to
 * hold such a contact (spec: the type must match the attribute's data type).
 */
export function validateContactAttribute(
  attribute: string,
  type: ProfileContactType | undefined,
  context: ValidationContext,
): ElementIssue[] {
  if (type === undefined) return [];
  const declaration = lookupDeclaration(context.declarations, attribute);
  if (declaration === undefined || contactAttributeTypes(type).includes(declaration.type)) return [];
  return [
    {
      field: 'contactType',
      rule: 'type-mismatch',
      message: `"${attribute}" is a ${declaration.type} attribute; it cannot hold a ${type} contact.`,
    },
  ];
}
