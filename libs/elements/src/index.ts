export {
  attributeDeclarationSchema,
  attributeNameSchema,
  attributeScopeSchema,
  attributeTypeSchema,
  builtInAttributes,
  isBuiltInAttribute,
  isInboundAttribute,
} from './attribute-declaration-schema';
export type { AttributeDeclaration, AttributeScope, AttributeType } from './attribute-declaration-schema';
export { attributeMappingSchema, type AttributeMapping } from './attribute-mapping-schema';
export { attributeRefSchema, type AttributeRef } from './attribute-ref-schema';
export { attributeValueSchema, attributeValuesSchema, type AttributeValue, type AttributeValues } from './attribute-values-schema';
export { attributeTypesCompatible } from './attributes/attribute-types-compatible';
export { coerceAttributeValue, type CoerceResult } from './attributes/coerce-attribute-value';
export { mappingRefs } from './attributes/mapping-refs';
export { bindElement, type BoundElement } from './bind-element';
export { analyticsEventCallSchema, type AnalyticsEventCall } from './calls/analytics-event-call';
export { callSchema, type Call, type CallName } from './calls/call-schema';
export { handoffCallSchema, type HandoffCall } from './calls/handoff-call';
export { closeSessionElement, closeSessionSchema, type CloseSession } from './close-session';
export { componentElement, componentSchema, type Component } from './component';
export { componentReturnElement, componentReturnSchema, type ComponentReturn } from './component-return';
export { conditionPort, conditionsElement, conditionsSchema, elsePort, type Condition, type Conditions } from './conditions';
export { delayElement, delaySchema, type Delay } from './delay';
export { defaultPort, elementBaseSchema, elementIdSchema, portIdSchema, positionSchema } from './element-base-schema';
export type { ElementCategory, ElementContext, ElementDefinition } from './element-definition';
export {
  callEffectSchema,
  elementEffectSchema,
  quickReplySchema,
  sendEffectSchema,
  type CallEffect,
  type ElementEffect,
  type QuickReply,
  type SendEffect,
} from './element-effect-schema';
export { elementIssueSchema, type ElementIssue } from './element-issue-schema';
export {
  elementEndReasonSchema,
  elementOutcomeSchema,
  type ElementEndReason,
  type ElementOutcome,
  type ElementOutcomeKind,
} from './element-outcome-schema';
export { fallbackAttributeRefs } from './fallback/fallback-attribute-refs';
export { fallbackPorts } from './fallback/fallback-ports';
export {
  botFallbackSchema,
  defaultFallbackText,
  fallbackActionSchema,
  fallbackMessageSchema,
  fallbackSchema,
  inboxNameSchema,
  type BotFallback,
  type Fallback,
  type FallbackAction,
  type FallbackMessage,
} from './fallback/fallback-schema';
export { validateFallback } from './fallback/validate-fallback';
export { findPlaceholders, replacePlaceholders, type Placeholder } from './find-placeholders';
export { messageTextSchema } from './message-text-schema';
export { pickRandom } from './pick-random';
export { placeholderRefs } from './placeholder-refs';
export { elementRegistry, elementSchema, elementSchemas, elementTypes, type Element, type ElementOfType, type ElementRegistry, type ElementType } from './registry';
export { renderTemplate } from './render-template';
export { callErrorSchema, resumeEventSchema, type CallError, type ResumeEvent } from './resume-event-schema';
export { saveUserResponseElement, saveUserResponseSchema, type SaveUserResponse } from './save-user-response';
export { sendMessageElement, sendMessageSchema, type SendMessage } from './send-message';
export { toDialogElement, toDialogSchema, type ToDialog } from './to-dialog';
export { keywordPort, maxExpandedSynonyms, maxKeywordSynonyms, userResponseElement, userResponseSchema, type UserResponse, type UserResponseKeyword } from './user-response';
export { lookupDeclaration, type ComponentSummary, type ElementScope, type ValidationContext } from './validation-context';
export { waitForSchema, waitStateSchema, type WaitFor, type WaitKind } from './wait-for-schema';
export { conversationTagsCallSchema, conversationTagsResultSchema, type ConversationTagsCall, type ConversationTagsResult } from './calls/conversation-tags-call';
export { csatRecordCallSchema, csatScaleMax, csatScaleSchema, type CsatRecordCall, type CsatScale } from './calls/csat-record-call';
export { profileContactSchema, profileContactTypeSchema, profileErrorCodes, type ProfileContact, type ProfileContactType, type ProfileErrorCode } from './calls/profile-contact-schema';
export { customProfileAttributeTypeSchema, profileFieldSchema, standardProfileFieldSchema, type ProfileField, type StandardProfileField } from './calls/profile-field-schema';
export { profileEventCallSchema, profileEventResultSchema, type ProfileEventCall, type ProfileEventResult } from './calls/profile-event-call';
export { profileGetCallSchema, profileGetResultSchema, type ProfileGetCall, type ProfileGetResult } from './calls/profile-get-call';
export { profileTagsCallSchema, profileTagsResultSchema, type ProfileTagsCall, type ProfileTagsResult } from './calls/profile-tags-call';
export { profileUpsertCallSchema, profileUpsertResultSchema, type ProfileUpsertCall, type ProfileUpsertResult } from './calls/profile-upsert-call';
export { conversationTagsElement, conversationTagNameSchema, conversationTagsSchema, maxConversationTagsPerElement, type ConversationTags } from './conversation-tags';
export { agentQueueNameSchema, toAgentElement, toAgentSchema, type ToAgent } from './to-agent';
export { csatAnswerLabels, csatSatisfied, csatSurveyElement, csatSurveySchema, csatTimeoutSeconds, parseCsatScore, type CsatSurvey } from './csat-survey';
export { customerProfilesEventElement, customerProfilesEventSchema, type CustomerProfilesEvent } from './customer-profiles-event';
export {
  customerProfilesProfileElement,
  customerProfilesProfileSchema,
  defaultContactAttribute,
  detectContactType,
  profileTypesCompatible,
  readProfileContact,
  type CustomerProfilesProfile,
} from './customer-profiles-profile';
export { customerProfilesTagsElement, customerProfilesTagsSchema, maxProfileTagsPerElement, type CustomerProfilesTags } from './customer-profiles-tags';
export { apiElement, apiSchema, type Api } from './api';
export { authenticationElement, authenticationSchema, type Authentication } from './authentication';
export { codeElement, codeSchema, type Code } from './code';
export { webhookElement, webhookSchema, type Webhook } from './webhook';
export {
  formDataPartSchema,
  httpMethodSchema,
  httpRateLimitSchema,
  httpRequestBodySchema,
  httpRequestCallSchema,
  httpRequestErrorCodeSchema,
  httpRequestPurposeSchema,
  httpResponseResultSchema,
  type FormDataPart,
  type HttpMethod,
  type HttpRateLimit,
  type HttpRequestBody,
  type HttpRequestCall,
  type HttpRequestErrorCode,
  type HttpRequestPurpose,
  type HttpResponseResult,
} from './calls/http-request-call';
export {
  codeRunCallSchema,
  codeRunErrorCodeSchema,
  codeRunLimitsSchema,
  codeRunResultSchema,
  type CodeRunCall,
  type CodeRunErrorCode,
  type CodeRunLimits,
  type CodeRunResult,
} from './calls/code-run-call';
export { buildHttpRequest, type BuiltHttpRequest, type HttpRequestConfig, type HttpTransport, type RequestProblem } from './api/build-http-request';
export { predefinedContentTypes } from './api/content-type-schema';
export { defaultElement, elementDefaults, type ElementDraft } from './element-defaults';
export { formEditorSchema, formMetaSchema, readFormMeta, type FormEditor, type FormMeta } from './form-meta';
export { operatorAppliesTo } from './matching/operator-applies-to';
export { conditionOperatorSchema, conditionMatchSchema, type ConditionOperator, type ConditionMatch } from './matching/condition-rule-schema';
export { maxConditions, maxRulesPerCondition, type ConditionsGroup, type ConditionsRule } from './conditions/schema';
export { maxQuickReplies } from './send-message/schema';
export { maxKeywords, maxKeywordLength } from './user-response/schema';
export { bodyModesByContentType, type ContentType } from './api/content-type-schema';
export { maxCodeLength } from './code/schema';
