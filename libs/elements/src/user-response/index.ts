import type { ElementDefinition } from '../element-definition';
import { resumeUserResponse, runUserResponse, userResponseAttributeRefs, userResponsePorts, validateUserResponse } from './run';
import { userResponseSchema, type UserResponse } from './schema';

export { keywordPort, maxExpandedSynonyms, maxKeywordSynonyms, userResponseSchema, type UserResponse, type UserResponseKeyword } from './schema';

export const userResponseElement: ElementDefinition<UserResponse> = {
  type: 'user-response',
  title: 'User response',
  category: 'receives',
  schema: userResponseSchema,
  ports: userResponsePorts,
  attributeRefs: userResponseAttributeRefs,
  run: runUserResponse,
  onEvent: resumeUserResponse,
  validate: validateUserResponse,
};
