import { z } from 'zod';

/**
 * How a contact identifies a Customer Profiles person, and the Person column it is
 * matched on: 'phone' → phone, 'email' → email, 'external-id' → externalId (a channel's
 * own id for the end user, a CRM id ...). Each column is unique per workspace.
 */
export const personContactTypeSchema = z.enum(['phone', 'email', 'external-id']);
export type PersonContactType = z.infer<typeof personContactTypeSchema>;

/** A contact as repositories take it: normalized (see normalizePersonContact). */
export const personContactSchema = z.object({ type: personContactTypeSchema, value: z.string().min(1) });
export type PersonContact = z.infer<typeof personContactSchema>;

/** Longest accepted values: E.164 has at most 15 digits; RFC 5321 paths at most 254 characters. */
export const personContactLimits = { phoneDigits: { min: 5, max: 15 }, email: 254, externalId: 255 } as const;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The stored form of a contact value, or null when it is not a valid value of its type:
 * - phone: spaces, '-', '.', '(' and ')' and a leading '+' removed; then 5–15 digits
 *   (country code included, e.g. '385911234567');
 * - email: trimmed and lower-cased; one '@', a dot in the domain, at most 254 characters;
 * - external-id: trimmed; 1–255 characters, matched exactly.
 * Idempotent: a normalized value normalizes to itself.
 */
export function normalizePersonContactValue(type: PersonContactType, raw: string): string | null {
  switch (type) {
    case 'phone': {
      const digits = raw.trim().replace(/[\s().-]/g, '').replace(/^\+/, '');
      const { min, max } = personContactLimits.phoneDigits;
      return new RegExp(`^[0-9]{${min},${max}}$`).test(digits) ? digits : null;
    }
    case 'email': {
      const email = raw.trim().toLowerCase();
      return email.length <= personContactLimits.email && emailPattern.test(email) ? email : null;
    }
    case 'external-id': {
      const id = raw.trim();
      return id.length >= 1 && id.length <= personContactLimits.externalId ? id : null;
    }
  }
}

/** `contact` with its value normalized, or null when the value is invalid for its type. */
export function normalizePersonContact(contact: PersonContact): PersonContact | null {
  const value = normalizePersonContactValue(contact.type, contact.value);
  return value === null ? null : { type: contact.type, value };
}

/** The Person column a contact type is matched on. */
export function personContactColumn(type: PersonContactType): 'phone' | 'email' | 'externalId' {
  switch (type) {
    case 'phone':
      return 'phone';
    case 'email':
      return 'email';
    case 'external-id':
      return 'externalId';
  }
}

/** Throws a TypeError unless `contact` is already normalized (repositories require it). */
export function assertNormalizedContact(contact: PersonContact): void {
  if (normalizePersonContactValue(contact.type, contact.value) !== contact.value) {
    throw new TypeError(`Not a normalized ${contact.type} contact: normalize it with normalizePersonContact first`);
  }
}
