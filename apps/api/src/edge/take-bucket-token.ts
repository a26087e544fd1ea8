import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { IpLimit } from './ip-limits';

/**
 * One token bucket (a hash `{ tokens, at }`) taken from atomically, on Redis's clock
 * (TIME), so every API process shares the bucket and process clocks never matter. The
 * bucket starts full (`burst` tokens), refills at perMinute / 60 000 tokens a ms up to
 * `burst`, and a request takes one whole token. A refused request changes nothing
 * (refusals do not push the next success further out). The key expires once the
 * bucket would be full again: a full bucket and no key are the same thing.
 * KEYS: the bucket. ARGV: burst, perMinute (both ≥ 1).
 * Returns { 1, 0, tokens left (floored) } or { 0, ms until a whole token, 0 }.
 */
const script = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local burst = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) / 60000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
if now > at then tokens = tokens + (now - at) * perMs end
-- Also clamps a bucket filled under a larger burst setting.
if tokens > burst then tokens = burst end
if tokens >= 1 then
  tokens = tokens - 1
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / perMs) + 1000)
  return { 1, 0, math.floor(tokens) }
end
return { 0, math.ceil((1 - tokens) / perMs), 0 }
`;

/** The name the script is defined under on a connection (ioredis defineCommand). */
const commandName = 'parleyTakeIpToken';

const scriptReplySchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.number().int().min(0), z.number().int().min(0)]);

export const bucketTokenResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), tokensLeft: z.number().int().min(0) }),
  z.object({ ok: z.literal(false), retryAfterMs: z.number().int().min(1) }),
]);
export type BucketTokenResult = z.infer<typeof bucketTokenResultSchema>;

/**
 * Takes one token from the bucket at `key` under `limit` (see the script above), in one
 * round trip: EVALSHA through ioredis's defineCommand (the script is sent in full once
 * per connection, and again if Redis answers NOSCRIPT after a restart). `limit` must be
 * on (isIpLimitOn). Rejects with Redis's error when Redis fails: the caller decides what
 * an unknown limit means.
 */
export async function takeBucketToken(redis: Redis, key: string, limit: IpLimit): Promise<BucketTokenResult> {
  // defineCommand adds the method at run time, so ioredis's types do not know it; it is
  // read back with Reflect and its reply checked by zod rather than cast.
  if (typeof Reflect.get(redis, commandName) !== 'function') redis.defineCommand(commandName, { numberOfKeys: 1, lua: script });
  const command: unknown = Reflect.get(redis, commandName);
  if (typeof command !== 'function') throw new Error(`ioredis did not define ${commandName}`);
  const reply: unknown = await Reflect.apply(command, redis, [key, String(limit.burst), String(limit.perMinute)]);
  const [taken, waitMs, tokensLeft] = scriptReplySchema.parse(reply);
  return taken === 1 ? { ok: true, tokensLeft } : { ok: false, retryAfterMs: Math.max(1, waitMs) };
}
