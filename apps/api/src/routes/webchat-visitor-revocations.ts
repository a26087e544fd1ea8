import type { Redis } from 'ioredis';
import { z } from 'zod';
import { defaultVisitorTokenMaxAgeMs } from '@parley/channels';

/**
 * Revoked web chat visitor tokens, in Redis so every API process sees them at once.
 * A revocation is a cut-off per visitor: tokens of that visitor issued up to it are
 * refused (a visitor signing out on a shared computer, an operator cutting a visitor
 * off). It is kept as long as a token lives (defaultVisitorTokenMaxAgeMs), after which
 * the tokens it covers have expired anyway. A channel-wide cut-off lives in the
 * channel's config instead (`visitorTokensNotBefore`).
 */
export function webchatRevocationsChannel(prefix: string): string {
  return `${prefix}:webchat:revoked`;
}

const revokedNoticeSchema = z.object({ channelId: z.string().min(1), contact: z.string().min(1), issuedUpTo: z.number().int() });
export type VisitorRevokedNotice = z.infer<typeof revokedNoticeSchema>;

export function parseVisitorRevokedNotice(raw: string): VisitorRevokedNotice | null {
  try {
    const parsed = revokedNoticeSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Revokes every token of `visitorId` on `channelId` issued up to `now` (epoch ms), and
 * tells every API process to end that visitor's open streams.
 */
export async function revokeVisitorTokens(redis: Redis, prefix: string, channelId: string, visitorId: string, now: number): Promise<void> {
  await redis.set(revocationKey(prefix, channelId, visitorId), String(now), 'PX', defaultVisitorTokenMaxAgeMs);
  const notice: VisitorRevokedNotice = { channelId, contact: visitorId, issuedUpTo: now };
  await redis.publish(webchatRevocationsChannel(prefix), JSON.stringify(notice));
}

/** Whether a token of `visitorId` issued at `issuedAt` (epoch ms) was revoked. One Redis GET. */
export async function isVisitorTokenRevoked(redis: Redis, prefix: string, channelId: string, visitorId: string, issuedAt: number): Promise<boolean> {
  const cutOff = await redis.get(revocationKey(prefix, channelId, visitorId));
  return cutOff !== null && issuedAt <= Number(cutOff);
}

function revocationKey(prefix: string, channelId: string, visitorId: string): string {
  return `${prefix}:webchat:revoked:${channelId}:${visitorId}`;
}
