import { z } from 'zod';
import { attributeNameSchema } from '../attribute-declaration-schema';
import { profileContactTypeSchema } from '../calls/profile-contact-schema';
import { profileTagsActionSchema } from '../calls/profile-tags-call';
import { defaultContactAttribute } from '../customer-profiles-profile/schema';
import { elementBaseSchema } from '../element-base-schema';

/** At most this many tags per Customer Profiles tags element. */
export const maxProfileTagsPerElement = 20;

/** A profile tag: 1–100 characters, no control characters, no leading or trailing whitespace. */
export const profileTagNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u, 'No control characters, no leading or trailing spaces')
  .meta({ description: 'Profile tag, 1–100 characters; a new name creates the tag.' });

/**
 * Customer Profiles tags: adds (creating new tags), removes or checks tags on the end
 * user's Person profile, identified by the contact in `contactAttribute`. 'get' saves
 * true (every tag present) or false to `saveResultAs`. Sets lastCustomerProfilesStatusCode,
 * then leaves through 'next'.
 */
export const customerProfilesTagsSchema = elementBaseSchema
  .extend({
    type: z.literal('customer-profiles-tags'),
    action: profileTagsActionSchema.meta({ title: 'Select action' }),
    contactAttribute: attributeNameSchema
      .default(defaultContactAttribute)
      .meta({ description: 'Attribute that identifies the Person profile; default endUserDestination.', title: 'Contact information attribute', editor: 'attribute' }),
    contactType: profileContactTypeSchema
      .optional()
      .meta({ description: 'Type of the contact; absent: detected from the value (email, phone number, else external-id).', title: 'Contact type' }),
    tags: z
      .array(profileTagNameSchema)
      .min(1)
      .max(maxProfileTagsPerElement)
      .refine((tags) => new Set(tags).size === tags.length, 'Each tag may be listed once')
      .meta({ description: `Tags to add, remove or check: 1–${maxProfileTagsPerElement}, distinct.`, title: 'Tags', itemTitle: 'Tag' }),
    saveResultAs: attributeNameSchema
      .optional()
      .meta({
        description: "Action 'get' only (required there): boolean attribute, true when every tag is present.",
        title: 'Save result as',
        editor: 'attribute',
        attributeAccess: 'write',
        attributeTypes: ['boolean'],
        visibleWhen: { field: 'action', oneOf: ['get'] },
      }),
  })
  .check((context) => {
    const { action, saveResultAs } = context.value;
    if (action === 'get' && saveResultAs === undefined) {
      context.issues.push({ code: 'custom', message: "Action 'get' needs an attribute to save the result to", input: saveResultAs, path: ['saveResultAs'] });
    }
    if (action !== 'get' && saveResultAs !== undefined) {
      context.issues.push({ code: 'custom', message: "Only action 'get' saves a result", input: saveResultAs, path: ['saveResultAs'] });
    }
  })
  .meta({ title: 'Customer Profiles tags' });
export type CustomerProfilesTags = z.infer<typeof customerProfilesTagsSchema>;
