import type { AttributeValues } from '../attribute-values-schema';
import type { ProfileContact, ProfileContactType } from '../calls/profile-contact-schema';

/**
 * The contact a Customer Profiles element names: the value of `attribute` as text
 * (numbers as written; anything else, or unset, is ''), with `type` or, when absent, the
 * type detected from the value: an '@' makes it an email, 5–15 digits (spaces, '-', '.',
 * '(', ')' and a leading '+' allowed) a phone number, anything else an external id.
 * The runner validates and normalizes it (an empty value fails with 'InvalidContact').
 */
export function readProfileContact(
  attributes: Readonly<AttributeValues>,
  attribute: string,
  type: ProfileContactType | undefined,
): ProfileContact {
  const raw = Object.hasOwn(attributes, attribute) ? attributes[attribute] : undefined;
  const value = typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : '';
  return { type: type ?? detectContactType(value), value };
}

/** See readProfileContact. */
export function detectContactType(value: string): ProfileContactType {
  const trimmed = value.trim();
  if (trimmed.includes('@')) return 'email';
  if (/^\+?[\d\s().-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '').length;
    if (digits >= 5 && digits <= 15) return 'phone';
  }
  return 'external-id';
}
