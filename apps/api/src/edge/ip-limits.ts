import { z } from 'zod';

/**
 * What a per-address limit counts, one token bucket each:
 * - `session`: web chat session mints (POST /webchat/:id/sessions without a valid token; resuming is not counted);
 * - `message`: web chat messages (POST /webchat/:id/messages);
 * - `stream`: web chat event stream opens (GET /webchat/:id/events).
 */
export const ipLimitKindSchema = z.enum(['session', 'message', 'stream']);
export type IpLimitKind = z.infer<typeof ipLimitKindSchema>;

/**
 * One kind's token bucket per client address: up to `burst` requests at once, refilled
 * at `perMinute` tokens a minute (spread evenly: 60 a minute is one a second). Either
 * value 0 turns the kind's limit off.
 */
export const ipLimitSchema = z.object({
  burst: z.number().int().min(0).max(1_000_000),
  perMinute: z.number().int().min(0).max(1_000_000),
});
export type IpLimit = z.infer<typeof ipLimitSchema>;

/** Every kind's limit (the IP_LIMIT_* settings); a missing kind is an error, not "unlimited". */
export const ipLimitsSchema = z.record(ipLimitKindSchema, ipLimitSchema);
export type IpLimits = z.infer<typeof ipLimitsSchema>;

/** True when `limit` limits anything (neither value is 0). */
export function isIpLimitOn(limit: IpLimit): boolean {
  return limit.burst > 0 && limit.perMinute > 0;
}
