import { z } from 'zod';
import { attributeNameSchema } from '../attribute-declaration-schema';
import { profileContactTypeSchema } from '../calls/profile-contact-schema';
import { profileFieldSchema } from '../calls/profile-field-schema';
import { elementBaseSchema } from '../element-base-schema';

export const customerProfilesProfileActionSchema = z
  .enum(['get', 'create-or-update'])
  .meta({
    description: 'get: read the Person profile into attributes; create-or-update: save attributes to it.',
    optionLabels: { get: 'Get information', 'create-or-update': 'Create or update person profile' },
  });
export type CustomerProfilesProfileAction = z.infer<typeof customerProfilesProfileActionSchema>;

/**
 * Pairs a chatbot attribute with a Person field. 'get' copies the field into the
 * attribute; 'create-or-update' copies the attribute into the field. Types must be
 * compatible (see profileTypesCompatible).
 */
export const profileAttributeMappingSchema = z.strictObject({
  attribute: attributeNameSchema.meta({ description: 'Chatbot attribute.', title: 'Attribute', editor: 'attribute' }),
  field: profileFieldSchema.meta({
    description: 'Person field: firstName, lastName, email, phone, or { custom, type } for a custom profile attribute.',
    title: 'Person field',
  }),
});
export type ProfileAttributeMapping = z.infer<typeof profileAttributeMappingSchema>;

/** Where the contact comes from when nothing else is chosen: the channel's end-user address. */
export const defaultContactAttribute = 'endUserDestination';

/**
 * Customer Profiles profile: reads the end user's Person profile into attributes, or
 * creates/updates it from attributes. The person is identified by the contact in
 * `contactAttribute` (default endUserDestination). Sets lastCustomerProfilesStatusCode
 * ('Success', 'NotFound' ...), then leaves through 'next'.
 */
export const customerProfilesProfileSchema = elementBaseSchema
  .extend({
    type: z.literal('customer-profiles-profile'),
    action: customerProfilesProfileActionSchema.meta({ title: 'Select action' }),
    contactAttribute: attributeNameSchema
      .default(defaultContactAttribute)
      .meta({ description: 'Attribute that identifies the Person profile; default endUserDestination.', title: 'Contact information attribute', editor: 'attribute' }),
    contactType: profileContactTypeSchema
      .optional()
      .meta({ description: 'Type of the contact; absent: detected from the value (email, phone number, else external-id).', title: 'Contact type' }),
    mappings: z
      .array(profileAttributeMappingSchema)
      .max(50)
      .optional()
      .meta({ description: 'Up to 50 attribute ↔ Person field mappings, each field and each attribute once.', title: 'Attribute mappings', itemTitle: 'Mapping' }),
  })
  .meta({ title: 'Customer Profiles profile' });
export type CustomerProfilesProfile = z.infer<typeof customerProfilesProfileSchema>;
