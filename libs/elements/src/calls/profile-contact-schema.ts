import { z } from 'zod';

/**
 * How a contact identifies a Customer Profiles person: 'phone' (digits, country code
 * included; formatting and a leading '+' are ignored), 'email' (case-insensitive) or
 * 'external-id' (a channel's own id for the end user, a CRM id ...; matched exactly).
 */
export const profileContactTypeSchema = z
  .enum(['phone', 'email', 'external-id'])
  .meta({
    description: 'Contact type: phone, email or external-id (channel user id, CRM id ...).',
    optionLabels: { phone: 'Phone number', email: 'Email address', 'external-id': 'External id' },
  });
export type ProfileContactType = z.infer<typeof profileContactTypeSchema>;

/**
 * The contact a Customer Profiles call names, as read from the chatbot attribute (the
 * runner normalizes it; an empty or malformed value fails the call with 'InvalidContact').
 */
export const profileContactSchema = z.object({ type: profileContactTypeSchema, value: z.string() });
export type ProfileContact = z.infer<typeof profileContactSchema>;

/**
 * `error.code` values of failed Customer Profiles calls ('profile.*'). The engine copies the
 * code into `lastCustomerProfilesStatusCode` ('Success' when the call succeeded):
 * - NotFound: no person has this contact (get, remove tags, get tags);
 * - InvalidContact: the contact value is empty or not a valid value of its type;
 * - InvalidValue: a value to store does not fit its profile field (e.g. a malformed email);
 * - Conflict: another person already has the email or phone number to store;
 * - Error: anything else (the message says what).
 */
export const profileErrorCodes = ['NotFound', 'InvalidContact', 'InvalidValue', 'Conflict', 'Error'] as const;
export type ProfileErrorCode = (typeof profileErrorCodes)[number];
