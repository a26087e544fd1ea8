import type { ElementDefinition } from '../element-definition';
import {
  customerProfilesProfileAttributeRefs,
  resumeCustomerProfilesProfile,
  runCustomerProfilesProfile,
  validateCustomerProfilesProfile,
} from './run';
import { customerProfilesProfileSchema, type CustomerProfilesProfile } from './schema';

export { profileTypesCompatible } from './profile-types-compatible';
export { detectContactType, readProfileContact } from './read-profile-contact';
export {
  customerProfilesProfileActionSchema,
  customerProfilesProfileSchema,
  defaultContactAttribute,
  profileAttributeMappingSchema,
  type CustomerProfilesProfile,
  type CustomerProfilesProfileAction,
  type ProfileAttributeMapping,
} from './schema';

export const customerProfilesProfileElement: ElementDefinition<CustomerProfilesProfile> = {
  type: 'customer-profiles-profile',
  title: 'Customer Profiles profile',
  category: 'actions',
  schema: customerProfilesProfileSchema,
  ports: () => ['next'],
  attributeRefs: customerProfilesProfileAttributeRefs,
  run: runCustomerProfilesProfile,
  onEvent: resumeCustomerProfilesProfile,
  validate: validateCustomerProfilesProfile,
};
