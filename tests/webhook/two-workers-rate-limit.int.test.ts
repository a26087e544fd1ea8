import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { maxSlotLatenessMs } from '@parley/http';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { spawnSender } from './support/spawn-sender';
import { webhookRateLimitOf } from './support/webhook-rate-limit';

/**
 * The Webhook element's throughput limits across processes: two worker-like Node
 * processes (rate-limited-sender.ts) share the limits through the real Redis and POST to
 * one local counting server. Each process sends from its own loopback address
 * (127.0.0.1, 127.0.0.2), standing for two worker hosts with two egress addresses.
 *
 * The server counts each request twice: by when it was sent (`sentAt` in the body, the
 * machine clock both processes share: what the limit governs, checked strictly) and by
 * when it arrived (adds loopback and event-loop delays of a busy machine, which can
 * bunch requests: checked with a wide margin, still far below what an unshared or
 * missing limit would let through, 200-300).
 */
type Received = { sentAt: number; arrivedAt: number; source: string };

const bodySchema = z.object({ sentAt: z.number() });
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
    ),
  );
});

/** A server on 127.0.0.1 that answers 204 and records each POST: sent when, arrived when, from which address. */
async function countingServer(): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const arrivedAt = performance.timeOrigin + performance.now();
      const { sentAt } = bodySchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      received.push({ sentAt, arrivedAt, source: request.socket.remoteAddress ?? '' });
      response.writeHead(204).end();
    });
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  const { port }: AddressInfo = address;
  return { url: `http://127.0.0.1:${port}/hooks/orders`, received };
}

/** The most of `times` in any half-open window [t, t + 1000) that starts at one of them. */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let end = 0;
  sorted.forEach((start, index) => {
    while (end < sorted.length && (sorted[end] ?? Infinity) < start + 1000) end += 1;
    most = Math.max(most, end - index);
  });
  return most;
}

function span(times: readonly number[]): number {
  return Math.max(...times) - Math.min(...times);
}

const sent = (received: readonly Received[]) => received.map((entry) => entry.sentAt);
const arrived = (received: readonly Received[]) => received.map((entry) => entry.arrivedAt);

describe('Webhook throughput limits shared by two worker processes through Redis', () => {
  it('300 requests from two hosts to one endpoint: at most 100 per second, 50 per host, none lost', async () => {
    const server = await countingServer();
    const common = {
      redisUrl: inject('redisUrl'),
      // Each test its own prefix: the limit is per host, so a fresh path would not separate them.
      keyPrefix: `${inject('redisPrefix')}:${randomUUID().slice(0, 8)}`,
      url: server.url,
      count: 150,
      ...webhookRateLimitOf(server.url),
      maxWaitMs: 10_000,
    };
    const senders = await Promise.all([
      spawnSender({ ...common, sourceAddress: '127.0.0.1' }),
      spawnSender({ ...common, sourceAddress: '127.0.0.2' }),
    ]);
    senders.forEach((sender) => sender.go());
    const summaries = await Promise.all(senders.map((sender) => sender.done));

    for (const summary of summaries) expect(summary).toMatchObject({ sent: 150, rateLimited: 0, failed: 0, errors: [] });
    expect(server.received).toHaveLength(300);
    // Slots are 10 ms apart per endpoint and 20 ms per host; a request goes at most
    // maxSlotLatenessMs (50 ms) after its slot, which can add 5 (per host: 3) to a window.
    expect(busiestSecond(sent(server.received))).toBeLessThanOrEqual(100 + maxSlotLatenessMs / 10);
    expect(busiestSecond(arrived(server.received))).toBeLessThanOrEqual(125);
    // 300 at 100/s: at least 2.99 s from first to last (more when a loaded machine misses slots).
    expect(span(sent(server.received))).toBeGreaterThan(2_900);
    // Both hosts' shares were used together: 2.99 s from first to last (one host queued
    // behind the other's booked slots would make it 6 s). Only checkable when no process
    // lagged: a slot woken up for too late is given up and the request queues again.
    if (summaries.every((summary) => summary.missedSlots === 0)) expect(span(sent(server.received))).toBeLessThan(3_600);
    for (const source of ['127.0.0.1', '127.0.0.2']) {
      const fromSource = server.received.filter((entry) => entry.source === source);
      expect(fromSource, source).toHaveLength(150);
      expect(busiestSecond(sent(fromSource)), source).toBeLessThanOrEqual(50 + Math.ceil(maxSlotLatenessMs / 20));
    }
  });

  it('two processes on one host share that host’s 50/s, and report what cannot wait as rate-limited', async () => {
    const server = await countingServer();
    const common = {
      redisUrl: inject('redisUrl'),
      keyPrefix: `${inject('redisPrefix')}:${randomUUID().slice(0, 8)}`,
      url: server.url,
      count: 60,
      ...webhookRateLimitOf(server.url),
      maxWaitMs: 1_000,
      sourceAddress: '127.0.0.3',
    };
    const senders = await Promise.all([spawnSender(common), spawnSender(common)]);
    senders.forEach((sender) => sender.go());
    const summaries = await Promise.all(senders.map((sender) => sender.done));

    const sentCount = summaries.reduce((total, summary) => total + summary.sent, 0);
    const rateLimited = summaries.reduce((total, summary) => total + summary.rateLimited, 0);
    expect(summaries.every((summary) => summary.failed === 0)).toBe(true);
    // Never dropped silently: every request was sent or reported, and the server saw each one sent.
    expect(sentCount + rateLimited).toBe(120);
    expect(server.received).toHaveLength(sentCount);
    // 50/s with at most 1 s of waiting: 51 slots (0, 20, ..., 1000 ms), plus one per 20 ms
    // the 120 requests took to arrive; fewer when a loaded machine misses slots (a slot
    // woken up for too late is given up, see maxSlotLatenessMs).
    expect(sentCount).toBeGreaterThanOrEqual(20);
    expect(sentCount).toBeLessThanOrEqual(65);
    expect(busiestSecond(sent(server.received))).toBeLessThanOrEqual(50 + Math.ceil(maxSlotLatenessMs / 20));
    // Requests did wait for their slots, up to the 1 s allowed (plus the last one's lateness).
    const longestWait = Math.max(...summaries.map((summary) => summary.maxWaitedMs));
    expect(longestWait).toBeGreaterThanOrEqual(800);
    expect(longestWait).toBeLessThanOrEqual(1_000 + maxSlotLatenessMs + 50);
  });
});
