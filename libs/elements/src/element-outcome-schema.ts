import { z } from 'zod';
import { attributeMappingSchema } from './attribute-mapping-schema';
import { attributeValuesSchema } from './attribute-values-schema';
import { elementIdSchema, portIdSchema } from './element-base-schema';
import { elementEffectSchema } from './element-effect-schema';
import { fallbackSchema } from './fallback/fallback-schema';
import { waitForSchema } from './wait-for-schema';

/** Why an element ends the session: 'completed' (Close session), 'handoff' (To Agent). */
export const elementEndReasonSchema = z.enum(['completed', 'handoff']);
export type ElementEndReason = z.infer<typeof elementEndReasonSchema>;

const outcomeFields = {
  /** Side effects, in order; the engine turns them into commands. */
  effects: z.array(elementEffectSchema),
  /**
   * Attribute values to set (a patch), applied before the engine moves on. Each value is
   * coerced to its declared type; a value that does not fit is not written (trace entry
   * 'attribute-rejected'). Inbound attributes cannot be written this way.
   */
  attributes: attributeValuesSchema,
};

/**
 * The result of running (or resuming) one element. Every variant carries `effects` and
 * `attributes`, applied first (in that order: attributes, then effects).
 * - continue: leave through `port`; the engine follows the edge, or the flow ends when the
 *   port is unconnected (session 'end-of-flow', or inside a component: return from it).
 * - wait: stop the step until `waitFor` is satisfied; the engine calls `onEvent` then.
 * - end: close the session with `reason`.
 * - goto: continue at dialog `dialogId`'s start element (in the element's scope: bot or
 *   component), after copying each `share` mapping (value of `from` into `to`).
 * - fallback: apply `fallback` (the element's own) or, when absent, the bot's default.
 * - enter-component: run component `componentId` (copying `inputs` from the caller's into
 *   the component's attributes); when it returns, its `outputs` are copied back and the
 *   flow continues through this element's 'next' port.
 * - return: leave the current component now (outside a component: like an unconnected port).
 */
export const elementOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('continue'), port: portIdSchema, ...outcomeFields }),
  z.object({ kind: z.literal('wait'), waitFor: waitForSchema, ...outcomeFields }),
  z.object({ kind: z.literal('end'), reason: elementEndReasonSchema, ...outcomeFields }),
  z.object({
    kind: z.literal('goto'),
    dialogId: elementIdSchema,
    share: z.array(attributeMappingSchema).optional(),
    ...outcomeFields,
  }),
  z.object({ kind: z.literal('fallback'), fallback: fallbackSchema.optional(), ...outcomeFields }),
  z.object({
    kind: z.literal('enter-component'),
    componentId: elementIdSchema,
    inputs: z.array(attributeMappingSchema),
    outputs: z.array(attributeMappingSchema),
    ...outcomeFields,
  }),
  z.object({ kind: z.literal('return'), ...outcomeFields }),
]);
export type ElementOutcome = z.infer<typeof elementOutcomeSchema>;
export type ElementOutcomeKind = ElementOutcome['kind'];
