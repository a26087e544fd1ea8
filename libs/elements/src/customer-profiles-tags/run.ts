import type { AttributeRef } from '../attribute-ref-schema';
import { attributeTypesCompatible } from '../attributes/attribute-types-compatible';
import { profileTagsResultSchema, type ProfileTagsCall } from '../calls/profile-tags-call';
import { readProfileContact } from '../customer-profiles-profile/read-profile-contact';
import { validateContactAttribute } from '../customer-profiles-profile/validate-contact-attribute';
import type { ElementContext } from '../element-definition';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import type { ResumeEvent } from '../resume-event-schema';
import { lookupDeclaration, type ValidationContext } from '../validation-context';
import type { WaitFor } from '../wait-for-schema';
import type { CustomerProfilesTags } from './schema';

/** Emits `profile.tags` (action, contact, tags) and waits for its result. */
export function runCustomerProfilesTags(element: CustomerProfilesTags, context: ElementContext): ElementOutcome {
  const call: ProfileTagsCall = {
    name: 'profile.tags',
    action: element.action,
    contact: readProfileContact(context.attributes, element.contactAttribute, element.contactType),
    tags: [...element.tags],
  };
  return { kind: 'wait', waitFor: { kind: 'call.result' }, effects: [{ type: 'call', call }], attributes: {} };
}

/**
 * Continues through 'next'. 'get' saves to `saveResultAs` whether every tag is on the
 * profile: true only after a successful call that found them all; false otherwise (also
 * when the person is not found or the call failed: lastCustomerProfilesStatusCode tells).
 */
export function resumeCustomerProfilesTags(
  element: CustomerProfilesTags,
  _waitFor: WaitFor,
  event: ResumeEvent,
  _context: ElementContext,
): ElementOutcome {
  if (element.action !== 'get' || element.saveResultAs === undefined) {
    return { kind: 'continue', port: 'next', effects: [], attributes: {} };
  }
  const result = event.type === 'call.result' && event.ok ? profileTagsResultSchema.safeParse(event.result) : undefined;
  const present = result?.success === true && result.data.allPresent;
  return { kind: 'continue', port: 'next', effects: [], attributes: { [element.saveResultAs]: present } };
}

/** The contact attribute is read; saveResultAs (get) is written. */
export function customerProfilesTagsAttributeRefs(element: CustomerProfilesTags): AttributeRef[] {
  const refs: AttributeRef[] = [{ name: element.contactAttribute, access: 'read', path: ['contactAttribute'], valuePath: [], via: 'field' }];
  if (element.saveResultAs !== undefined) {
    refs.push({ name: element.saveResultAs, access: 'write', path: ['saveResultAs'], valuePath: [], via: 'field' });
  }
  return refs;
}

/** saveResultAs must hold a boolean; the contact attribute must fit the contact type. */
export function validateCustomerProfilesTags(element: CustomerProfilesTags, context: ValidationContext): ElementIssue[] {
  const issues = validateContactAttribute(element.contactAttribute, element.contactType, context);
  const declaration = element.saveResultAs === undefined ? undefined : lookupDeclaration(context.declarations, element.saveResultAs);
  if (declaration !== undefined && !attributeTypesCompatible('boolean', declaration.type)) {
    issues.push({
      field: 'saveResultAs',
      rule: 'type-mismatch',
      message: `"${declaration.name}" is a ${declaration.type} attribute; it cannot hold the result (true/false).`,
    });
  }
  return issues;
}
