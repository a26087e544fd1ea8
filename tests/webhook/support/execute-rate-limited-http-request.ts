import type { Tx } from '@parley/db';
import type { HttpRequestCall } from '@parley/elements';
import { acquireRateLimit, rateLimitEndpointKey, type RateLimitContext } from '@parley/http';
import { executeHttpRequest, type CallContext, type CallResult } from '@parley/runner';

/**
 * executeHttpRequest with the throughput limit in front, exactly as the executor is to
 * do it (libs/http/src/rate-limit/README.md, "Wiring"): a call with `rateLimit` first
 * acquires a slot (waiting up to its timeout), and one that gets none is reported as
 * `rate-limited` with 0 attempts, never sent. Test-only stand-in until the executor
 * carries these lines itself; `rateLimit` will then come from the CallContext.
 */
export async function executeRateLimitedHttpRequest(tx: Tx, ctx: CallContext & { rateLimit?: RateLimitContext }, call: HttpRequestCall): Promise<CallResult> {
  if (call.rateLimit && ctx.rateLimit) {
    const { redis, keyPrefix, sourceAddress } = ctx.rateLimit;
    const slot = await acquireRateLimit(redis, { keyPrefix, endpointKey: rateLimitEndpointKey(call.url), sourceKey: sourceAddress, ...call.rateLimit, maxWaitMs: call.timeoutMs });
    if (!slot.ok) return { ok: false, error: { code: 'rate-limited', message: `${call.method} ${rateLimitEndpointKey(call.url)}: no slot under the endpoint's throughput limit within ${call.timeoutMs} ms (retry in ${slot.retryAfterMs} ms; 0 attempts)` }, attempts: 0 };
  }
  return executeHttpRequest(tx, ctx, call);
}
