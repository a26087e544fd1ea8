import { waitForSchema } from '@parley/elements';
import { z } from 'zod';
import { closeReasonSchema } from './close-reason-schema';
import { commandSchema } from './command-schema';
import { sessionStateSchema } from './session-state-schema';
import { traceEntrySchema } from './trace-entry-schema';

/**
 * Why the engine could not go on:
 * - loop-limit: more than maxElementExecutionsPerStep elements ran in one step;
 * - broken-flow: the flow references an element, dialog or component that is not there,
 *   an element was resumed that cannot wait, an element waited for a call result without
 *   emitting a call, or components nest too deep (a flow that passed validateFlow never
 *   yields this, except the last for recursive components);
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
 * - stale-call-result: a call result the session no longer (or never) waits for;
 * - unexpected-event: the session waits for something else.
 */
export const ignoreReasonSchema = z.enum(['no-session', 'session-closed', 'stale-timer', 'stale-call-result', 'unexpected-event']);
export type IgnoreReason = z.infer<typeof ignoreReasonSchema>;

/** How a step ended, for the runner's logs and analytics. */
export const stepOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('waiting'), waitFor: waitForSchema }),
  z.object({ kind: z.literal('closed'), reason: closeReasonSchema, error: stepErrorSchema.optional() }),
  z.object({ kind: z.literal('ignored'), reason: ignoreReasonSchema }),
]);
export type StepOutcome = z.infer<typeof stepOutcomeSchema>;

/**
 * The new session (unchanged when ignored), the commands to execute in order, how it
 * went, and the trace of what happened (for the simulator and tests).
 */
export const stepResultSchema = z.object({
  session: sessionStateSchema,
  commands: z.array(commandSchema),
  outcome: stepOutcomeSchema,
  trace: z.array(traceEntrySchema),
});
export type StepResult = z.infer<typeof stepResultSchema>;
