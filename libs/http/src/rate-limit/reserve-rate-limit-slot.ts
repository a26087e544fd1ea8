import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { rateLimitKeys } from './rate-limit-keys';
import { rateLimitOptionsSchema, type RateLimitOptions, type RateLimitReservation } from './rate-limit-options';

/**
 * Two schedules of send times, one per key (a sorted set of Redis-clock epoch ms): the
 * endpoint's, shared by every sender, and this source's. A schedule's times are at least
 * its interval (1000 / limit ms) apart, so any half-open 1-second window holds at most
 * `limit` of them, whichever processes put them there. A request gets the earliest time
 * t >= now that keeps both schedules so: a sweep from now that jumps past every
 * conflicting time (t = conflict + interval) until none is left. Holes stay usable: a
 * slot left free between another source's sends goes to the next request that fits it
 * (a single "next free time" per key would push every source behind the busiest one).
 * When t is within maxWait it is added to both schedules; otherwise nothing changes and
 * the sweep goes on (up to twice maxWait) to say how much later it would have fitted
 * (beyond that, the excess reported is a lower bound).
 * Times are rounded UP to the microsecond before they are stored, so stored gaps never
 * fall below the interval. The clock is Redis's (TIME), so workers with skewed clocks
 * agree; past times are trimmed on every call and keys expire a second after their last
 * time. At most 2 · maxWait / interval times are read per call.
 * KEYS: endpoint, endpoint+source. ARGV: interval ms of each, maxWait ms.
 * Returns { 1, wait, slot } or { 0, retryAfter, slot }, numbers as strings (Lua would
 * truncate them); slot is the Redis-clock time the request goes (or would go), epoch ms.
 */
const script = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local intervals = { tonumber(ARGV[1]), tonumber(ARGV[2]) }
local maxWait = tonumber(ARGV[3])
local horizon = now + 2 * maxWait
local function up(value) return math.ceil(value * 1000) / 1000 end
local function text(value) return string.format('%.3f', value) end

local schedules = {}
for index, key in ipairs(KEYS) do
  local interval = intervals[index]
  redis.call('ZREMRANGEBYSCORE', key, '-inf', text(now - interval))
  local times = redis.call('ZRANGEBYSCORE', key, '(' .. text(now - interval), text(horizon + interval))
  for position, value in ipairs(times) do times[position] = tonumber(value) end
  schedules[index] = { times = times, next = 1, interval = interval }
end

local slot = now
local moved = true
while moved and slot <= horizon do
  moved = false
  for _, schedule in ipairs(schedules) do
    local times, interval = schedule.times, schedule.interval
    -- 0.0005 ms of slack: a time exactly one interval back must not count as a conflict through float rounding.
    while times[schedule.next] ~= nil and times[schedule.next] <= slot - interval + 0.0005 do schedule.next = schedule.next + 1 end
    local conflict = times[schedule.next]
    if conflict ~= nil and conflict < slot + interval then
      slot = up(conflict + interval)
      moved = true
    end
  end
end

if slot - now > maxWait then
  return { 0, text(slot - now - maxWait), text(slot) }
end
local member = text(slot)
for index, key in ipairs(KEYS) do
  redis.call('ZADD', key, member, member)
  local keep = math.ceil(slot - now + intervals[index]) + 1000
  if redis.call('PTTL', key) < keep then redis.call('PEXPIRE', key, keep) end
end
return { 1, text(slot - now), member }
`;
const scriptSha = createHash('sha1').update(script).digest('hex');

const decimal = z.string().regex(/^\d+(\.\d+)?$/);
const scriptReplySchema = z.tuple([z.union([z.literal(0), z.literal(1)]), decimal, decimal]);

/**
 * Reserves the earliest slot that respects both limits of `options` (see the script above)
 * without waiting for it: the caller sends `waitMs` later, or reports the refusal. A
 * reserved slot is spent even if the caller then does not send (conservative). One Redis
 * round trip (EVALSHA; EVAL once when the server has not cached the script yet).
 * Throws a ZodError on invalid options and rejects with Redis's error when Redis fails:
 * the limit cannot be checked then, and the caller must not send as if it had been.
 */
export async function reserveRateLimitSlot(redis: Redis, options: RateLimitOptions): Promise<RateLimitReservation> {
  const resolved = rateLimitOptionsSchema.parse(options);
  const keys = rateLimitKeys(resolved.keyPrefix, resolved.endpointKey, resolved.sourceKey);
  const args = [String(1000 / resolved.perEndpoint), String(1000 / resolved.perEndpointPerSource), String(resolved.maxWaitMs)];
  const [admitted, milliseconds, slot] = scriptReplySchema.parse(await evalScript(redis, keys, args));
  // Sub-millisecond precision is of no use to a timer; round up so the wait is never short.
  const rounded = Math.ceil(Number(milliseconds));
  return admitted === 1 ? { ok: true, waitMs: rounded, slotAtMs: Number(slot) } : { ok: false, retryAfterMs: Math.max(1, rounded) };
}

async function evalScript(redis: Redis, keys: string[], args: string[]): Promise<unknown> {
  try {
    return await redis.evalsha(scriptSha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.eval(script, keys.length, ...keys, ...args);
  }
}
