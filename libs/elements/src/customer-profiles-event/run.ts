import type { AttributeRef } from '../attribute-ref-schema';
import type { AttributeValue } from '../attribute-values-schema';
import type { ProfileEventCall } from '../calls/profile-event-call';
import { readProfileContact } from '../customer-profiles-profile/read-profile-contact';
import { validateContactAttribute } from '../customer-profiles-profile/validate-contact-attribute';
import type { ElementContext } from '../element-definition';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import type { ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import type { CustomerProfilesEvent } from './schema';

/**
 * Emits `profile.event` (contact from `contactAttribute` as `contactType`; one property per
 * mapping whose attribute is set) and waits for the result, so the engine can set
 * lastCustomerProfilesStatusCode before the flow goes on.
 */
export function runCustomerProfilesEvent(element: CustomerProfilesEvent, context: ElementContext): ElementOutcome {
  const properties: Record<string, AttributeValue> = {};
  for (const mapping of element.properties ?? []) {
    if (!Object.hasOwn(context.attributes, mapping.attribute)) continue;
    const value = context.attributes[mapping.attribute];
    if (value !== undefined) properties[mapping.property] = value;
  }
  const call: ProfileEventCall = {
    name: 'profile.event',
    contact: readProfileContact(context.attributes, element.contactAttribute, element.contactType),
    event: element.event,
    properties,
  };
  return { kind: 'wait', waitFor: { kind: 'call.result' }, effects: [{ type: 'call', call }], attributes: {} };
}

/** Continues through 'next' whatever the result (lastCustomerProfilesStatusCode tells). */
export function resumeCustomerProfilesEvent(
  _element: CustomerProfilesEvent,
  _waitFor: WaitFor,
  _event: ResumeEvent,
  _context: ElementContext,
): ElementOutcome {
  return { kind: 'continue', port: 'next', effects: [], attributes: {} };
}

/** The contact attribute and every mapped attribute are read. */
export function customerProfilesEventAttributeRefs(element: CustomerProfilesEvent): AttributeRef[] {
  return [
    { name: element.contactAttribute, access: 'read', path: ['contactAttribute'], valuePath: [], via: 'field' },
    ...(element.properties ?? []).map((mapping, index): AttributeRef => ({
      name: mapping.attribute,
      access: 'read',
      path: ['properties', index, 'attribute'],
      valuePath: [],
      via: 'field',
    })),
  ];
}

/** The contact attribute's type must be able to hold a contact of `contactType`. */
export function validateCustomerProfilesEvent(element: CustomerProfilesEvent, context: ValidationContext): ElementIssue[] {
  return validateContactAttribute(element.contactAttribute, element.contactType, context);
}
