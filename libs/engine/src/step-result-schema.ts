import { waitForSchema } from '@parley/elements';
import { z } from 'zod';
import { closeReasonSchema } from './close-reason-schema';
import { commandSchema } from './command-schema';
import { sessionStateSchema } from './session-state-schema';

/**
 * Why the engine could not go on:
 * - loop-limit: more than maxElementExecutionsPerStep elements ran in one step;
 * - broken-flow: the flow references an element or dialog that is not there, or an element
 *   was resumed that cannot wait (a flow that passed validateFlow never yields this);
 * - internal: a bug in the engine or an element (it threw); reported, never rethrown.
 */
export const stepErrorSchema = z.object({
  code: z.enum(['loop-limit', 'broken-flow', 'internal']),
  message: z.string(),
});
export type StepError = z.infer<typeof stepErrorSchema>;

/**
 * Why an event changed nothing:
 * - no-session: a non-message event without a session (nothing to resume);
 * - session-closed: the session is closed (the runner starts a new one for messages);
 * - stale-timer: a timer the session no longer waits for;
 * - unexpected-event: the session waits for something else.
 */
export const ignoreReasonSchema = z.enum(['no-session', 'session-closed', 'stale-timer', 'unexpected-event']);
export type IgnoreReason = z.infer<typeof ignoreReasonSchema>;

/** How a step ended, for the runner's logs and analytics. */
export const stepOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('waiting'), waitFor: waitForSchema }),
  z.object({ kind: z.literal('closed'), reason: closeReasonSchema, error: stepErrorSchema.optional() }),
  z.object({ kind: z.literal('ignored'), reason: ignoreReasonSchema }),
]);
export type StepOutcome = z.infer<typeof stepOutcomeSchema>;

/** The new session (unchanged when ignored), the commands to execute in order, and how it went. */
export const stepResultSchema = z.object({
  session: sessionStateSchema,
  commands: z.array(commandSchema),
  outcome: stepOutcomeSchema,
});
export type StepResult = z.infer<typeof stepResultSchema>;
