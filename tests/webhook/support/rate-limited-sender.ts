import { createInterface } from 'node:readline';
import { acquireRateLimit, httpRequest, HttpRequestError, rateLimitEndpointKey } from '@parley/http';
import { Redis } from 'ioredis';
import { Agent } from 'undici';
import { senderConfigSchema, type SenderSummary } from './sender-protocol';

/**
 * A worker-like process for tests/webhook: sends `count` webhook POSTs to `url`, all at
 * once, each through acquireRateLimit (the Webhook limits, shared through Redis with any
 * other sender using the same prefix) and then the real @parley/http client, from the
 * local address `sourceAddress` (127.0.0.x: Linux sends from any loopback address, so two
 * processes can stand for two hosts; the Agent bound to that address replaces the
 * SSRF-guarded default, which is not what is under test here). Prints `ready`, waits for
 * a `go` line on stdin (so several senders start together), then prints one JSON summary
 * line and exits.
 */
async function main(): Promise<void> {
  const config = senderConfigSchema.parse(JSON.parse(process.env['SENDER_CONFIG'] ?? '{}'));
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
  const dispatcher = new Agent({ localAddress: config.sourceAddress, keepAliveTimeout: 4_000 });
  await redis.ping();
  console.log('ready');
  await waitForGo();

  const summary: SenderSummary = { sent: 0, rateLimited: 0, failed: 0, maxWaitedMs: 0, missedSlots: 0, errors: [] };
  await Promise.all(
    Array.from({ length: config.count }, async (_, index) => {
      const slot = await acquireRateLimit(redis, {
        keyPrefix: config.keyPrefix,
        endpointKey: rateLimitEndpointKey(config.url),
        sourceKey: config.sourceAddress,
        perEndpoint: config.perEndpoint,
        perEndpointPerSource: config.perEndpointPerSource,
        maxWaitMs: config.maxWaitMs,
      });
      summary.missedSlots += slot.missedSlots;
      if (!slot.ok) {
        summary.rateLimited += 1;
        return;
      }
      summary.maxWaitedMs = Math.max(summary.maxWaitedMs, slot.waitedMs);
      try {
        await httpRequest(
          {
            method: 'POST',
            url: config.url,
            headers: { 'content-type': 'application/json' },
            // When it went out, on the machine's clock (shared by the processes of one host).
            body: JSON.stringify({ source: config.sourceAddress, index, sentAt: performance.timeOrigin + performance.now() }),
            retry: { retries: 0 },
          },
          { dispatcher },
        );
        summary.sent += 1;
      } catch (error) {
        summary.failed += 1;
        summary.errors.push(error instanceof HttpRequestError ? error.message : String(error));
      }
    }),
  );
  console.log(JSON.stringify(summary));
  await Promise.all([redis.quit(), dispatcher.close()]);
}

async function waitForGo(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === 'go') break;
  }
  lines.close();
}

await main();
