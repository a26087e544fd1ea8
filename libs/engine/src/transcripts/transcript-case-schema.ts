import { z } from 'zod';
import { closeReasonSchema } from '../close-reason-schema';
import { commandSchema, timerCancelCommandSchema, timerSetCommandSchema } from '../command-schema';
import { engineEventSchema } from '../engine-event-schema';
import { sessionStatusSchema } from '../session-state-schema';
import { stepOutcomeSchema } from '../step-result-schema';

/**
 * A step's event: a full EngineEvent, or the shorthands
 * `{ "say": "text" }` (user.message, messageId `m<step>`, receivedAt = the step's time) and
 * `{ "fire": "<timerId>" }` (timer.fired).
 */
export const transcriptEventSchema = z.union([
  engineEventSchema,
  z.strictObject({ say: z.string() }),
  z.strictObject({ fire: z.string() }),
]);

/** Expected sends in order: the text, or text plus the quick-reply labels. */
const sendExpectationSchema = z.union([z.string(), z.strictObject({ text: z.string(), buttons: z.array(z.string()) })]);

/**
 * What one step must produce. `sends` is always checked (exactly); the rest only when given:
 * attributes is a subset check, timers the exact timer.set/timer.cancel commands in order,
 * commands the exact full command list, outcome the exact step outcome, trace entries
 * that must appear in the step's trace in this order (each a partial match; others may
 * come between), session a subset check of the whole session state.
 */
export const transcriptExpectSchema = z.strictObject({
  sends: z.array(sendExpectationSchema),
  attributes: z.record(z.string(), z.json()).optional(),
  status: sessionStatusSchema.optional(),
  closeReason: closeReasonSchema.nullable().optional(),
  timers: z.array(z.union([timerSetCommandSchema.strict(), timerCancelCommandSchema.strict()])).optional(),
  commands: z.array(commandSchema).optional(),
  outcome: stepOutcomeSchema.optional(),
  trace: z.array(z.record(z.string(), z.json())).optional(),
  session: z.record(z.string(), z.json()).optional(),
});

export const transcriptStepSchema = z.strictObject({
  note: z.string().optional(),
  /** deps.now for this step, epoch ms; default: step index × 1000. */
  at: z.number().optional(),
  event: transcriptEventSchema,
  expect: transcriptExpectSchema,
});

/**
 * One golden transcript: a flow and the conversation it must produce. Step i runs with
 * `random = seededRandom(seed + i)`. With `validation`, validateFlow's errors (and
 * warnings, when given) must match exactly as { rule, path } pairs; without it the flow
 * must be valid.
 */
export const transcriptCaseSchema = z.strictObject({
  description: z.string(),
  seed: z.number().int().default(1),
  flow: z.unknown(),
  validation: z
    .strictObject({
      errors: z.array(z.strictObject({ rule: z.string(), path: z.string() })),
      warnings: z.array(z.strictObject({ rule: z.string(), path: z.string() })).optional(),
    })
    .optional(),
  steps: z.array(transcriptStepSchema).default([]),
});
export type TranscriptCase = z.infer<typeof transcriptCaseSchema>;
