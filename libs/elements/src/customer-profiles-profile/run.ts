import type { AttributeRef } from '../attribute-ref-schema';
import type { AttributeValue, AttributeValues } from '../attribute-values-schema';
import { profileGetResultSchema, type ProfileGetCall } from '../calls/profile-get-call';
import type { ProfileUpsertCall } from '../calls/profile-upsert-call';
import type { ElementContext } from '../element-definition';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import { lookupDeclaration, type ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import { profileFieldLabel, profileFieldType, profileTypesCompatible } from './profile-types-compatible';
import { readProfileContact } from './read-profile-contact';
import type { CustomerProfilesProfile } from './schema';
import { validateContactAttribute } from './validate-contact-attribute';

/**
 * Emits the profile call and waits for its result:
 * - get: `profile.get` for the mapped fields;
 * - create-or-update: `profile.upsert` with the mapped attributes' values (unset
 *   attributes are left out, so they never clear a field; null clears it).
 * The engine sets lastCustomerProfilesStatusCode from the result.
 */
export function runCustomerProfilesProfile(element: CustomerProfilesProfile, context: ElementContext): ElementOutcome {
  const contact = readProfileContact(context.attributes, element.contactAttribute, element.contactType);
  const mappings = element.mappings ?? [];
  const call: ProfileGetCall | ProfileUpsertCall =
    element.action === 'get'
      ? { name: 'profile.get', contact, fields: mappings.map((mapping) => mapping.field) }
      : {
          name: 'profile.upsert',
          contact,
          values: mappings.flatMap((mapping) => {
            const value = ownValue(context.attributes, mapping.attribute);
            return value === undefined ? [] : [{ field: mapping.field, value }];
          }),
        };
  return { kind: 'wait', waitFor: { kind: 'call.result' }, effects: [{ type: 'call', call }], attributes: {} };
}

/**
 * Continues through 'next'. After a successful get, each mapped attribute receives its
 * field's value (a field the person has no value for leaves the attribute as it is; the
 * engine drops a value that does not fit the attribute's type). Failures change no
 * attribute: lastCustomerProfilesStatusCode tells what happened.
 */
export function resumeCustomerProfilesProfile(
  element: CustomerProfilesProfile,
  _waitFor: WaitFor,
  event: ResumeEvent,
  _context: ElementContext,
): ElementOutcome {
  const attributes: AttributeValues = {};
  if (element.action === 'get' && event.type === 'call.result' && event.ok) {
    const result = profileGetResultSchema.safeParse(event.result);
    if (result.success) {
      (element.mappings ?? []).forEach((mapping, index) => {
        const value = result.data.values[index];
        if (value !== undefined && value !== null) attributes[mapping.attribute] = value;
      });
    }
  }
  return { kind: 'continue', port: 'next', effects: [], attributes };
}

/** The contact attribute is read; mapped attributes are written (get) or read (create-or-update). */
export function customerProfilesProfileAttributeRefs(element: CustomerProfilesProfile): AttributeRef[] {
  const access = element.action === 'get' ? 'write' : 'read';
  return [
    { name: element.contactAttribute, access: 'read', path: ['contactAttribute'], valuePath: [], via: 'field' },
    ...(element.mappings ?? []).map((mapping, index): AttributeRef => ({
      name: mapping.attribute,
      access,
      path: ['mappings', index, 'attribute'],
      valuePath: [],
      via: 'field',
    })),
  ];
}

/**
 * Mapping rules: types compatible in the direction of the copy (profileTypesCompatible);
 * each field mapped once; for get, each attribute written once; the contact attribute
 * can hold the chosen contact type.
 */
export function validateCustomerProfilesProfile(element: CustomerProfilesProfile, context: ValidationContext): ElementIssue[] {
  const issues = validateContactAttribute(element.contactAttribute, element.contactType, context);
  const fields = new Set<string>();
  const attributes = new Set<string>();
  (element.mappings ?? []).forEach((mapping, index) => {
    const label = profileFieldLabel(mapping.field);
    const fieldType = profileFieldType(mapping.field);
    const declaration = lookupDeclaration(context.declarations, mapping.attribute);
    if (declaration !== undefined) {
      const compatible =
        element.action === 'get' ? profileTypesCompatible(fieldType, declaration.type) : profileTypesCompatible(declaration.type, fieldType);
      if (!compatible) {
        issues.push({
          field: `mappings[${index}]`,
          rule: 'type-mismatch',
          message:
            element.action === 'get'
              ? `${label} (${fieldType}) cannot be saved to "${mapping.attribute}" (${declaration.type}).`
              : `"${mapping.attribute}" (${declaration.type}) cannot be saved to ${label} (${fieldType}).`,
        });
      }
    }
    const fieldKey = typeof mapping.field === 'string' ? mapping.field : `custom:${mapping.field.custom}`;
    if (fields.has(fieldKey)) {
      issues.push({ field: `mappings[${index}].field`, rule: 'duplicate-mapping', message: `${label} is mapped twice.` });
    }
    fields.add(fieldKey);
    if (element.action === 'get' && attributes.has(mapping.attribute)) {
      issues.push({ field: `mappings[${index}].attribute`, rule: 'duplicate-mapping', message: `"${mapping.attribute}" receives two fields.` });
    }
    attributes.add(mapping.attribute);
  });
  return issues;
}

function ownValue(attributes: Readonly<AttributeValues>, name: string): AttributeValue | undefined {
  return Object.hasOwn(attributes, name) ? attributes[name] : undefined;
}
