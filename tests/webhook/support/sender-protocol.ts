import { z } from 'zod';

/** rate-limited-sender's configuration, passed as JSON in the SENDER_CONFIG variable. */
export const senderConfigSchema = z.object({
  redisUrl: z.string(),
  keyPrefix: z.string(),
  url: z.url(),
  count: z.number().int().min(1).max(1_000),
  sourceAddress: z.ipv4(),
  perEndpoint: z.number().int().positive(),
  perEndpointPerSource: z.number().int().positive(),
  maxWaitMs: z.number().int().min(0),
});
export type SenderConfig = z.infer<typeof senderConfigSchema>;

/** What the sender prints when done: every request is in exactly one of sent, rateLimited, failed. */
export const senderSummarySchema = z.object({
  sent: z.number(),
  rateLimited: z.number(),
  failed: z.number(),
  maxWaitedMs: z.number(),
  /** Slots given up because the process woke too late (a loaded machine). */
  missedSlots: z.number(),
  errors: z.array(z.string()),
});
export type SenderSummary = z.infer<typeof senderSummarySchema>;
