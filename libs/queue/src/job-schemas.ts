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
  /** The contact's workspace, when the producer knows it (fair scheduling: createBulkLaneGate). */
  workspaceId: z.string().min(1).optional(),
});
export type InboundJob = z.infer<typeof inboundJobSchema>;

/**
 * The turns of several contacts whose messages arrived together (enqueueInboundBatch):
 * the worker runs each contact's turn exactly as an inbox job of its own, without the
 * queue round trips of one job per message.
 */
export const inboundBatchJobSchema = z.object({
  contacts: z.array(inboundJobSchema).min(1).max(1_000),
});
export type InboundBatchJob = z.infer<typeof inboundBatchJobSchema>;

/** What an inbound queue carries: one contact's inbox job, or a batch of them. */
export const inboundQueueJobSchema = z.union([inboundBatchJobSchema, inboundJobSchema]);
export type InboundQueueJob = z.infer<typeof inboundQueueJobSchema>;

/** The contacts' inbox jobs an inbound queue job stands for, in order. */
export function inboxJobsOf(data: InboundQueueJob): InboundJob[] {
  return 'contacts' in data ? data.contacts : [data];
}

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
