import { z } from 'zod';
import { closeSessionElement, closeSessionSchema } from './close-session';
import type { ElementDefinition } from './element-definition';
import { sendMessageElement, sendMessageSchema } from './send-message';
import { userResponseElement, userResponseSchema } from './user-response';

/**
 * Any element of a flow, discriminated on `type`. Adding an element type means adding
 * its schema here, then to `elementSchemas` and `elementRegistry` below; forgetting
 * either fails the type check.
 */
export const elementSchema = z.discriminatedUnion('type', [sendMessageSchema, userResponseSchema, closeSessionSchema]);
export type Element = z.infer<typeof elementSchema>;
export type ElementType = Element['type'];

/** Each element type's config schema, by type (the editor's forms introspect these). */
export const elementSchemas = {
  'send-message': sendMessageSchema,
  'user-response': userResponseSchema,
  'close-session': closeSessionSchema,
} satisfies { [T in ElementType]: z.ZodType<Extract<Element, { type: T }>> };

/** The element config of one type, e.g. ElementOfType['send-message'] = SendMessage. */
export type ElementOfType = { [T in ElementType]: Extract<Element, { type: T }> };

/** One definition per element type, each typed for its own config. */
export type ElementRegistry = { [T in ElementType]: ElementDefinition<ElementOfType[T]> };

export const elementRegistry = {
  'send-message': sendMessageElement,
  'user-response': userResponseElement,
  'close-session': closeSessionElement,
} satisfies ElementRegistry;

/** All element types, in palette order. */
export const elementTypes: readonly ElementType[] = elementSchema.options.map((option) => option.shape.type.value);
