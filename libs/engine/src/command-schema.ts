import { attributeValueSchema, callSchema, sendEffectSchema } from '@parley/elements';
import { z } from 'zod';
import { closeReasonSchema } from './close-reason-schema';

/**
 * Send a message. `key` = `${turn}:${index}` (index counts this step's element effects
 * from 0): unique within the session and identical when the same step is retried, so
 * the runner can use it for outbound idempotency.
 */
export const sendCommandSchema = sendEffectSchema.extend({ key: z.string() });
export type SendCommand = z.infer<typeof sendCommandSchema>;

/**
 * - reply-timeout: a `user.message` wait's timeout; delay: a `timer` wait (Delay);
 * - call-timeout: a `call.result` wait's timeout; session-expiry: inactivity.
 */
export const timerKindSchema = z.enum(['reply-timeout', 'delay', 'call-timeout', 'session-expiry']);
export type TimerKind = z.infer<typeof timerKindSchema>;

/**
 * Arm a timer; when it is due the runner feeds back `{ type: 'timer.fired', timerId }`.
 * `timerId` = `${turn}:${kind}`: unique within the session, and a timer from an older
 * turn is recognisably stale (the engine ignores it).
 */
export const timerSetCommandSchema = z.object({
  type: z.literal('timer.set'),
  timerId: z.string(),
  kind: timerKindSchema,
  /** Epoch ms. */
  dueAt: z.number(),
});
export type TimerSetCommand = z.infer<typeof timerSetCommandSchema>;

/**
 * Make a call (HTTP request, code run, handoff, profile ...; see `callSchema` in
 * @parley/elements). `key` = `${turn}:${index}` like `send`: stable when the step is
 * retried (use it for idempotency). When the session waits for the result, the runner
 * feeds back `{ type: 'call.result', key, ok, result?, error?, attempts? }`; otherwise
 * (fire-and-forget, e.g. handoff, analytics.event) no result is expected.
 */
export const callCommandSchema = z.object({ type: z.literal('call'), key: z.string(), call: callSchema });
export type CallCommand = z.infer<typeof callCommandSchema>;

/** Disarm a timer the engine no longer needs (an optimisation: a stale timer is ignored anyway). */
export const timerCancelCommandSchema = z.object({ type: z.literal('timer.cancel'), timerId: z.string() });
export type TimerCancelCommand = z.infer<typeof timerCancelCommandSchema>;

/** The session ended in this step. */
export const sessionCloseCommandSchema = z.object({ type: z.literal('session.close'), reason: closeReasonSchema });
export type SessionCloseCommand = z.infer<typeof sessionCloseCommandSchema>;

/**
 * Attributes set during this step, each once with its final value, in order of first
 * change. For tracing, and for the runner to persist person-scoped attributes.
 */
export const attributesChangedCommandSchema = z.object({
  type: z.literal('attributes.changed'),
  changes: z.array(z.object({ name: z.string(), value: attributeValueSchema })),
});
export type AttributesChangedCommand = z.infer<typeof attributesChangedCommandSchema>;

/** Everything a step asks the runner to do, in order. All serializable. */
export const commandSchema = z.discriminatedUnion('type', [
  sendCommandSchema,
  callCommandSchema,
  timerSetCommandSchema,
  timerCancelCommandSchema,
  sessionCloseCommandSchema,
  attributesChangedCommandSchema,
]);
export type Command = z.infer<typeof commandSchema>;
