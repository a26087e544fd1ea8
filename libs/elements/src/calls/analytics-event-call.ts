import { z } from 'zod';

/**
 * Record an analytics event for the session (fire-and-forget: elements never wait for
 * its result). `type` names the event, e.g. 'csat.answered'; `payload` is free JSON.
 */
export const analyticsEventCallSchema = z.object({
  name: z.literal('analytics.event'),
  type: z.string().min(1).max(100),
  payload: z.json(),
});
export type AnalyticsEventCall = z.infer<typeof analyticsEventCallSchema>;
