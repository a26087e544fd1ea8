import { callErrorSchema } from '@parley/elements';
import { z } from 'zod';

/**
 * A message from the end user. `messageId` is the channel's id (the runner dedupes on it).
 * `contact` (the end user's address on the channel) and `channel` (e.g. 'http') become the
 * inbound attributes `endUserDestination` and `channel`.
 */
export const userMessageEventSchema = z.object({
  type: z.literal('user.message'),
  messageId: z.string().min(1),
  text: z.string(),
  /** When the channel received it, epoch ms. */
  receivedAt: z.number(),
  contact: z.string().optional(),
  channel: z.string().optional(),
});
export type UserMessageEvent = z.infer<typeof userMessageEventSchema>;

/** A timer set by a `timer.set` command came due. */
export const timerFiredEventSchema = z.object({
  type: z.literal('timer.fired'),
  timerId: z.string().min(1),
});
export type TimerFiredEvent = z.infer<typeof timerFiredEventSchema>;

/**
 * The outcome of a `call` command, fed back by the runner. `key` is the command's key;
 * `ok: false` carries `error`; `result` is the executor's JSON; `attempts` counts tries
 * (informational). A result the session does not wait for is ignored (stale).
 */
export const callResultEventSchema = z.object({
  type: z.literal('call.result'),
  key: z.string().min(1),
  ok: z.boolean(),
  result: z.json().optional(),
  error: callErrorSchema.optional(),
  attempts: z.number().int().min(0).optional(),
});
export type CallResultEvent = z.infer<typeof callResultEventSchema>;

/** Everything that can drive a session forward. */
export const engineEventSchema = z.discriminatedUnion('type', [userMessageEventSchema, timerFiredEventSchema, callResultEventSchema]);
export type EngineEvent = z.infer<typeof engineEventSchema>;
