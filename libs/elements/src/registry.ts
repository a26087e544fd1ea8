import { z } from 'zod';
import { apiElement, apiSchema } from './api';
import { authenticationElement, authenticationSchema } from './authentication';
import { closeSessionElement, closeSessionSchema } from './close-session';
import { codeElement, codeSchema } from './code';
import { componentElement, componentSchema } from './component';
import { componentReturnElement, componentReturnSchema } from './component-return';
import { conditionsElement, conditionsSchema } from './conditions';
import { conversationTagsElement, conversationTagsSchema } from './conversation-tags';
import { csatSurveyElement, csatSurveySchema } from './csat-survey';
import { customerProfilesEventElement, customerProfilesEventSchema } from './customer-profiles-event';
import { customerProfilesProfileElement, customerProfilesProfileSchema } from './customer-profiles-profile';
import { customerProfilesTagsElement, customerProfilesTagsSchema } from './customer-profiles-tags';
import { delayElement, delaySchema } from './delay';
import type { ElementDefinition } from './element-definition';
import { saveUserResponseElement, saveUserResponseSchema } from './save-user-response';
import { sendMessageElement, sendMessageSchema } from './send-message';
import { toAgentElement, toAgentSchema } from './to-agent';
import { toDialogElement, toDialogSchema } from './to-dialog';
import { userResponseElement, userResponseSchema } from './user-response';
import { webhookElement, webhookSchema } from './webhook';

/**
 * Any element of a flow, discriminated on `type`. Adding an element type means adding
 * its schema here (one line), then one line to `elementSchemas` and one to
 * `elementRegistry` below; forgetting either fails the type check.
 */
export const elementSchema = z.discriminatedUnion('type', [
  sendMessageSchema,
  userResponseSchema,
  saveUserResponseSchema,
  conditionsSchema,
  closeSessionSchema,
  toDialogSchema,
  delaySchema,
  componentSchema,
  componentReturnSchema,
  conversationTagsSchema,
  toAgentSchema,
  csatSurveySchema,
  customerProfilesEventSchema,
  customerProfilesProfileSchema,
  customerProfilesTagsSchema,
  apiSchema,
  authenticationSchema,
  webhookSchema,
  codeSchema,
]);
export type Element = z.infer<typeof elementSchema>;
export type ElementType = Element['type'];

/** Each element type's config schema, by type (the editor's forms introspect these). */
export const elementSchemas = {
  'send-message': sendMessageSchema,
  'user-response': userResponseSchema,
  'save-user-response': saveUserResponseSchema,
  conditions: conditionsSchema,
  'close-session': closeSessionSchema,
  'to-dialog': toDialogSchema,
  delay: delaySchema,
  component: componentSchema,
  'component-return': componentReturnSchema,
  'conversation-tags': conversationTagsSchema,
  'to-agent': toAgentSchema,
  'csat-survey': csatSurveySchema,
  'customer-profiles-event': customerProfilesEventSchema,
  'customer-profiles-profile': customerProfilesProfileSchema,
  'customer-profiles-tags': customerProfilesTagsSchema,
  api: apiSchema,
  authentication: authenticationSchema,
  webhook: webhookSchema,
  code: codeSchema,
} satisfies { [T in ElementType]: z.ZodType<Extract<Element, { type: T }>> };

/** The element config of one type, e.g. ElementOfType['send-message'] = SendMessage. */
export type ElementOfType = { [T in ElementType]: Extract<Element, { type: T }> };

/** One definition per element type, each typed for its own config. */
export type ElementRegistry = { [T in ElementType]: ElementDefinition<ElementOfType[T]> };

export const elementRegistry = {
  'send-message': sendMessageElement,
  'user-response': userResponseElement,
  'save-user-response': saveUserResponseElement,
  conditions: conditionsElement,
  'close-session': closeSessionElement,
  'to-dialog': toDialogElement,
  delay: delayElement,
  component: componentElement,
  'component-return': componentReturnElement,
  'conversation-tags': conversationTagsElement,
  'to-agent': toAgentElement,
  'csat-survey': csatSurveyElement,
  'customer-profiles-event': customerProfilesEventElement,
  'customer-profiles-profile': customerProfilesProfileElement,
  'customer-profiles-tags': customerProfilesTagsElement,
  api: apiElement,
  authentication: authenticationElement,
  webhook: webhookElement,
  code: codeElement,
} satisfies ElementRegistry;

/** All element types, in palette order. */
export const elementTypes: readonly ElementType[] = elementSchema.options.map((option) => option.shape.type.value);
