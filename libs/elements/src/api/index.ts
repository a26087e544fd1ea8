import type { ElementDefinition } from '../element-definition';
import { apiAttributeRefs, apiPorts, resumeApi, runApi, validateApi } from './run';
import { apiSchema, type Api } from './schema';

export { apiSchema, type Api } from './schema';

export const apiElement: ElementDefinition<Api> = {
  type: 'api',
  title: 'API',
  category: 'actions',
  schema: apiSchema,
  ports: apiPorts,
  attributeRefs: apiAttributeRefs,
  run: runApi,
  onEvent: resumeApi,
  validate: validateApi,
};
