import type { ElementDefinition } from '../element-definition';
import {
  resumeSaveUserResponse,
  runSaveUserResponse,
  saveUserResponseAttributeRefs,
  saveUserResponsePorts,
  validateSaveUserResponse,
} from './run';
import { saveUserResponseSchema, type SaveUserResponse } from './schema';

export { saveUserResponseSchema, type SaveUserResponse } from './schema';

export const saveUserResponseElement: ElementDefinition<SaveUserResponse> = {
  type: 'save-user-response',
  title: 'Save user response',
  category: 'actions',
  schema: saveUserResponseSchema,
  ports: saveUserResponsePorts,
  attributeRefs: saveUserResponseAttributeRefs,
  run: runSaveUserResponse,
  onEvent: resumeSaveUserResponse,
  validate: validateSaveUserResponse,
};
