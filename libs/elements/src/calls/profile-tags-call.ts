import { z } from 'zod';
import { profileContactSchema } from './profile-contact-schema';

/** What a `profile.tags` call does with its tags. */
export const profileTagsActionSchema = z
  .enum(['add', 'remove', 'get'])
  .meta({
    description: 'add: add (creating new tags); remove: remove; get: check whether all are present.',
    optionLabels: { add: 'Add or create tags', remove: 'Remove tags', get: 'Get tags' },
  });
export type ProfileTagsAction = z.infer<typeof profileTagsActionSchema>;

/**
 * `profile.tags`: add, remove or check `tags` on the Person profile with `contact`
 * (Customer Profiles tags element). 'add' creates the person when there is none; 'remove'
 * and 'get' fail with NotFound instead. Tags are matched exactly.
 *
 * Result contract (call.result): `ok: true` with `profileTagsResultSchema`; `ok: false`
 * with a profileErrorCodes `error.code` (NotFound, InvalidContact, Error).
 */
export const profileTagsCallSchema = z.object({
  name: z.literal('profile.tags'),
  action: profileTagsActionSchema,
  contact: profileContactSchema,
  tags: z.array(z.string().min(1)).min(1),
});
export type ProfileTagsCall = z.infer<typeof profileTagsCallSchema>;

/** The person's tags after the call, and whether every tag of the call is among them. */
export const profileTagsResultSchema = z.object({ tags: z.array(z.string()), allPresent: z.boolean() });
export type ProfileTagsResult = z.infer<typeof profileTagsResultSchema>;
