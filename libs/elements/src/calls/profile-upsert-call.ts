import { z } from 'zod';
import { profileContactSchema } from './profile-contact-schema';
import { profileFieldSchema } from './profile-field-schema';

/**
 * `profile.upsert`: create the Person profile with `contact` if there is none, then set
 * each field of `values` (Customer Profiles profile element, action 'create-or-update').
 * Standard fields take text (numbers are written as text); null clears a field (never the
 * one the contact is matched on). Custom attributes take any JSON value.
 *
 * Result contract (call.result): `ok: true` with `profileUpsertResultSchema`; `ok: false`
 * with a profileErrorCodes `error.code` (InvalidContact, InvalidValue, Conflict, Error);
 * nothing is written then.
 */
export const profileUpsertCallSchema = z.object({
  name: z.literal('profile.upsert'),
  contact: profileContactSchema,
  values: z.array(z.object({ field: profileFieldSchema, value: z.json() })),
});
export type ProfileUpsertCall = z.infer<typeof profileUpsertCallSchema>;

/** `created`: the person did not exist before. */
export const profileUpsertResultSchema = z.object({ created: z.boolean() });
export type ProfileUpsertResult = z.infer<typeof profileUpsertResultSchema>;
