import { z } from 'zod';
import { profileContactSchema } from './profile-contact-schema';

/**
 * `profile.event`: record custom event `event` with `properties` on the Person profile
 * with `contact` (Customer Profiles custom event element). The person is created when
 * the workspace has none with this contact, so no event is lost.
 *
 * Result contract (call.result): `ok: true` with `profileEventResultSchema`; `ok: false`
 * with a profileErrorCodes `error.code` (InvalidContact, Error).
 */
export const profileEventCallSchema = z.object({
  name: z.literal('profile.event'),
  contact: profileContactSchema,
  event: z.string().min(1),
  properties: z.record(z.string(), z.json()),
});
export type ProfileEventCall = z.infer<typeof profileEventCallSchema>;

/** `personCreated`: the event's person did not exist before. */
export const profileEventResultSchema = z.object({ personCreated: z.boolean() });
export type ProfileEventResult = z.infer<typeof profileEventResultSchema>;
