import { z } from 'zod';

/** Process whatever is unprocessed in one contact's inbox (idempotent: an empty inbox is a no-op). */
export const inboundJobSchema = z.object({
  channelId: z.string().min(1),
  contact: z.string().min(1),
  /**
   * Set when a stored call result of this contact waits to be fed to its session (a
   * SessionCall 'done'): the turn applies the contact's stored results before its
   * messages (see processInbox).
   */
  callId: z.string().min(1).optional(),
});
export type InboundJob = z.infer<typeof inboundJobSchema>;

/**
 * Deliver one outbound message row (idempotent: a row already sent is skipped).
 * `channelId` and `contact`, when given, must be the message's: its contact's
 * replies are then claimed without reading the message first.
 */
export const outboundJobSchema = z.object({
  messageId: z.string().min(1),
  channelId: z.string().min(1).optional(),
  contact: z.string().min(1).optional(),
});
export type OutboundJob = z.infer<typeof outboundJobSchema>;

/**
 * An engine timer came due. Carries the timer id the engine issued; the engine
 * ignores a timer that no longer matches what the session waits for.
 */
export const timerJobSchema = z.object({
  channelId: z.string().min(1),
  contact: z.string().min(1),
  sessionId: z.string().min(1),
  timerId: z.string().min(1),
  kind: z.string().min(1),
  dueAt: z.number().int(),
});
export type TimerJob = z.infer<typeof timerJobSchema>;

/**
 * Run one stored call (SessionCall) that leaves the process. Idempotent: a call whose
 * result is already stored is not run again. `workspaceId` is for per-workspace limits.
 */
export const callJobSchema = z.object({
  callId: z.string().min(1),
  workspaceId: z.string().min(1),
});
export type CallJob = z.infer<typeof callJobSchema>;
