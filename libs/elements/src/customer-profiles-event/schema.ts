import { z } from 'zod';
import { attributeNameSchema } from '../attribute-declaration-schema';
import { profileContactTypeSchema } from '../calls/profile-contact-schema';
import { elementBaseSchema } from '../element-base-schema';

/** Custom event names: a letter, then letters, digits, "_", "-" or "." (max 100), as defined in Customer Profiles. */
export const customEventNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'Start with a letter, then letters, digits, "_", "-" or "."')
  .meta({ description: 'Custom event name as defined in Customer Profiles (max 100 characters).', title: 'Custom event' });

/** Event property names: a letter or "_", then letters, digits or "_" (max 100). */
export const eventPropertyNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Start with a letter or "_", then letters, digits or "_"')
  .meta({ description: 'Event property name (max 100 characters).', title: 'Event property' });

/** Copies chatbot attribute `attribute` into event property `property`. */
export const eventPropertyMappingSchema = z.strictObject({
  attribute: attributeNameSchema.meta({ description: 'Chatbot attribute to read.', title: 'Attribute', editor: 'attribute' }),
  property: eventPropertyNameSchema,
});
export type EventPropertyMapping = z.infer<typeof eventPropertyMappingSchema>;

/**
 * Customer Profiles custom event: records custom event `event` on the Person profile of
 * the end user (identified by the contact in `contactAttribute`, of type `contactType`),
 * with properties mapped from chatbot attributes. Creates the person when none has the
 * contact. Sets lastCustomerProfilesStatusCode, then leaves through 'next'.
 */
export const customerProfilesEventSchema = elementBaseSchema
  .extend({
    type: z.literal('customer-profiles-event'),
    contactAttribute: attributeNameSchema.meta({
      description: "Attribute holding the end user's contact information, e.g. customerContact.",
      title: 'Contact information attribute',
      editor: 'attribute',
    }),
    contactType: profileContactTypeSchema.meta({
      description: 'Type of that contact: phone, email or external-id; must match the attribute.',
      title: 'Contact information attribute type',
    }),
    event: customEventNameSchema,
    properties: z
      .array(eventPropertyMappingSchema)
      .max(50)
      .refine((mappings) => new Set(mappings.map((mapping) => mapping.property)).size === mappings.length, 'Each property may be mapped once')
      .optional()
      .meta({
        description: 'Up to 50 attribute → event property mappings, each property once. Unset attributes are left out.',
        title: 'Attribute mappings',
        itemTitle: 'Mapping',
      }),
  })
  .meta({ title: 'Customer Profiles custom event' });
export type CustomerProfilesEvent = z.infer<typeof customerProfilesEventSchema>;
