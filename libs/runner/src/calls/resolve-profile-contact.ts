import { normalizePersonContact, type PersonContact } from '@parley/db';
import type { ProfileContact } from '@parley/elements';
import type { CallResult } from './call-executor';
import { profileCallFailure } from './profile-call-failure';

/**
 * The normalized contact of a Customer Profiles call, or the 'InvalidContact' failure to
 * report when the value is empty or not valid for its type.
 */
export function resolveProfileContact(contact: ProfileContact): { contact: PersonContact } | { failure: CallResult } {
  if (contact.value.trim() === '') {
    return { failure: profileCallFailure('InvalidContact', `The contact (${contact.type}) is empty.`) };
  }
  const normalized = normalizePersonContact(contact);
  return normalized === null
    ? { failure: profileCallFailure('InvalidContact', `"${contact.value}" is not a valid ${contact.type} contact.`) }
    : { contact: normalized };
}
