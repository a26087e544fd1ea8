import type { ElementDefinition } from '../element-definition';
import { authenticationAttributeRefs, authenticationPorts, resumeAuthentication, runAuthentication, validateAuthentication } from './run';
import { authenticationSchema, type Authentication } from './schema';

export { authenticationSchema, type Authentication } from './schema';

export const authenticationElement: ElementDefinition<Authentication> = {
  type: 'authentication',
  title: 'Authentication',
  category: 'actions',
  schema: authenticationSchema,
  ports: authenticationPorts,
  attributeRefs: authenticationAttributeRefs,
  run: runAuthentication,
  onEvent: resumeAuthentication,
  validate: validateAuthentication,
};
