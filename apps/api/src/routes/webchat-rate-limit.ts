import type { Redis } from 'ioredis';

/** Messages one visitor may send per minute before getting 429. */
export const webchatMessagesPerMinute = 30;

/**
 * A fixed one-minute window per visitor, counted in Redis so every API process
 * shares it. Returns 0 when the message may pass, or the seconds until the
 * window resets. A runaway widget or script is slowed down; abuse across many
 * visitor tokens needs a limit in front of the API (by IP, at the proxy).
 */
export async function takeWebchatMessageSlot(
  redis: Redis,
  prefix: string,
  channelId: string,
  visitorId: string,
  now: number,
): Promise<number> {
  const window = Math.floor(now / 60_000);
  const key = `${prefix}:webchat:rate:${channelId}:${visitorId}:${window}`;
  const results = await redis.multi().incr(key).pexpire(key, 61_000).exec();
  const count = results?.[0]?.[1];
  if (typeof count === 'number' && count > webchatMessagesPerMinute) return Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
  return 0;
}
