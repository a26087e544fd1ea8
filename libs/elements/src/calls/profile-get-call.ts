import { z } from 'zod';
import { profileContactSchema } from './profile-contact-schema';
import { profileFieldSchema } from './profile-field-schema';

/**
 * `profile.get`: read `fields` of the Person profile with `contact` (Customer Profiles
 * profile element, action 'get').
 *
 * Result contract (call.result): `ok: true` with `profileGetResultSchema`; `ok: false`
 * with a profileErrorCodes `error.code` (NotFound when no person has the contact,
 * InvalidContact, Error).
 */
export const profileGetCallSchema = z.object({
  name: z.literal('profile.get'),
  contact: profileContactSchema,
  fields: z.array(profileFieldSchema),
});
export type ProfileGetCall = z.infer<typeof profileGetCallSchema>;

/** `values[i]` is the value of `fields[i]`; null when the person has none. */
export const profileGetResultSchema = z.object({ values: z.array(z.json()) });
export type ProfileGetResult = z.infer<typeof profileGetResultSchema>;
