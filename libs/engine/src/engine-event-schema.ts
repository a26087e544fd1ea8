import { z } from 'zod';

/** A message from the end user. `messageId` is the channel's id (the runner dedupes on it). */
export const userMessageEventSchema = z.object({
  type: z.literal('user.message'),
  messageId: z.string().min(1),
  text: z.string(),
  /** When the channel received it, epoch ms. */
  receivedAt: z.number(),
});
export type UserMessageEvent = z.infer<typeof userMessageEventSchema>;

/** A timer set by a `timer.set` command came due. */
export const timerFiredEventSchema = z.object({
  type: z.literal('timer.fired'),
  timerId: z.string().min(1),
});
export type TimerFiredEvent = z.infer<typeof timerFiredEventSchema>;

/**
 * Everything that can drive a session forward. Later: http.result, code.result ...
 * (each carries the `key` of the command it answers).
 */
export const engineEventSchema = z.discriminatedUnion('type', [userMessageEventSchema, timerFiredEventSchema]);
export type EngineEvent = z.infer<typeof engineEventSchema>;
