import { z } from 'zod';
import { attributeValuesSchema } from './attribute-values-schema';
import { portIdSchema } from './element-base-schema';
import { elementEffectSchema } from './element-effect-schema';
import { waitForSchema } from './wait-for-schema';

/** Why an element ends the session. Later: 'handoff' (To Agent). */
export const elementEndReasonSchema = z.enum(['completed']);
export type ElementEndReason = z.infer<typeof elementEndReasonSchema>;

const outcomeFields = {
  /** Side effects, in order; the engine turns them into commands. */
  effects: z.array(elementEffectSchema),
  /** Attribute values to set (a patch) before the engine moves on. */
  attributes: attributeValuesSchema,
};

/**
 * The result of running (or resuming) one element.
 * - continue: leave through `port`; the engine follows the edge, or ends the session
 *   ('end-of-flow') when the port is unconnected.
 * - wait: stop the step until `waitFor` is satisfied; the engine calls `onEvent` then.
 * - end: close the session.
 * Later: a 'goto' outcome for To Dialog (dialog jumps) fits as one more variant.
 */
export const elementOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('continue'), port: portIdSchema, ...outcomeFields }),
  z.object({ kind: z.literal('wait'), waitFor: waitForSchema, ...outcomeFields }),
  z.object({ kind: z.literal('end'), reason: elementEndReasonSchema, ...outcomeFields }),
]);
export type ElementOutcome = z.infer<typeof elementOutcomeSchema>;
