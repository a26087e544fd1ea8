import type { ElementDefinition } from '../element-definition';
import {
  customerProfilesEventAttributeRefs,
  resumeCustomerProfilesEvent,
  runCustomerProfilesEvent,
  validateCustomerProfilesEvent,
} from './run';
import { customerProfilesEventSchema, type CustomerProfilesEvent } from './schema';

export {
  customerProfilesEventSchema,
  customEventNameSchema,
  eventPropertyMappingSchema,
  eventPropertyNameSchema,
  type CustomerProfilesEvent,
  type EventPropertyMapping,
} from './schema';

export const customerProfilesEventElement: ElementDefinition<CustomerProfilesEvent> = {
  type: 'customer-profiles-event',
  title: 'Customer Profiles custom event',
  category: 'actions',
  schema: customerProfilesEventSchema,
  ports: () => ['next'],
  attributeRefs: customerProfilesEventAttributeRefs,
  run: runCustomerProfilesEvent,
  onEvent: resumeCustomerProfilesEvent,
  validate: validateCustomerProfilesEvent,
};
