import { z } from 'zod';
import { attributeValueSchema } from './attribute-values-schema';

/** Attribute names are identifiers, so `{{name}}` placeholders can always reference them. */
export const attributeNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Start with a letter or "_", then letters, digits or "_"')
  .refine((name) => name !== '__proto__', 'This name is reserved')
  .meta({ description: 'Attribute name: a letter or "_", then letters, digits or "_" (max 64).' });

export const attributeTypeSchema = z.enum(['text', 'number', 'boolean', 'date', 'phone', 'email', 'url', 'list', 'json']);
export type AttributeType = z.infer<typeof attributeTypeSchema>;

/** 'session' values live for one session; 'person' values are kept by the runner across sessions. */
export const attributeScopeSchema = z.enum(['session', 'person']);
export type AttributeScope = z.infer<typeof attributeScopeSchema>;

export const attributeDeclarationSchema = z.strictObject({
  name: attributeNameSchema,
  type: attributeTypeSchema,
  scope: attributeScopeSchema,
  defaultValue: attributeValueSchema
    .optional()
    .meta({ description: 'Value the attribute has when a session (or component run) starts; must fit `type`.' }),
});
export type AttributeDeclaration = z.infer<typeof attributeDeclarationSchema>;

/**
 * Inbound attributes: maintained by the engine from the events it receives. Flows may
 * read them (placeholders, conditions) without declaring them, and may neither declare
 * nor write them; the API element may not use them in its request (isInboundAttribute).
 * - lastReceivedMessage: text of the latest user message the session accepted;
 * - endUserDestination: the end user's contact (phone number, email ...) from the channel;
 * - channel: the channel the conversation runs on (e.g. 'http', 'whatsapp');
 * - sessionId: the runner's id of this session (StepDeps.sessionId);
 * - lastCustomerProfilesStatusCode: 'Success' or the error code of the latest
 *   Customer Profiles call (any call whose name starts with 'profile.').
 */
export const builtInAttributes: readonly AttributeDeclaration[] = [
  { name: 'lastReceivedMessage', type: 'text', scope: 'session' },
  { name: 'endUserDestination', type: 'text', scope: 'session' },
  { name: 'channel', type: 'text', scope: 'session' },
  { name: 'sessionId', type: 'text', scope: 'session' },
  { name: 'lastCustomerProfilesStatusCode', type: 'text', scope: 'session' },
];

/** True when `name` is engine-maintained (see builtInAttributes). */
export function isBuiltInAttribute(name: string): boolean {
  return builtInAttributes.some((attribute) => attribute.name === name);
}

/** True when `name` is an inbound attribute (all built-ins are): read-only for flows, banned from API requests. */
export function isInboundAttribute(name: string): boolean {
  return isBuiltInAttribute(name);
}
