import type { ElementDefinition } from '../element-definition';
import {
  customerProfilesTagsAttributeRefs,
  resumeCustomerProfilesTags,
  runCustomerProfilesTags,
  validateCustomerProfilesTags,
} from './run';
import { customerProfilesTagsSchema, type CustomerProfilesTags } from './schema';

export { customerProfilesTagsSchema, maxProfileTagsPerElement, profileTagNameSchema, type CustomerProfilesTags } from './schema';

export const customerProfilesTagsElement: ElementDefinition<CustomerProfilesTags> = {
  type: 'customer-profiles-tags',
  title: 'Customer Profiles tags',
  category: 'actions',
  schema: customerProfilesTagsSchema,
  ports: () => ['next'],
  attributeRefs: customerProfilesTagsAttributeRefs,
  run: runCustomerProfilesTags,
  onEvent: resumeCustomerProfilesTags,
  validate: validateCustomerProfilesTags,
};
