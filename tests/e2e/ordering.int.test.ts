import { Queue } from 'bullmq';
import { queueNames } from '@parley/queue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { echoFlow } from '../support/echo-flow';
import { startPlatform, type Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';

/**
 * Two worker processes and two API processes share the load. Each contact's
 * messages must be processed one at a time and in arrival order, and each
 * reply delivered exactly once — also when the workspace sends faster than its share
 * (WORKSPACE_TURN_RATE, set low here) and part of its messages take the bulk lane.
 */
let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_order`,
    flow: echoFlow,
    workers: 2,
    apis: 2,
    apiEnv: { WORKSPACE_TURN_RATE: '20' },
  });
});

afterAll(async () => {
  await platform?.stop();
});

describe('per-contact ordering with two workers and two APIs', () => {
  it('processes every contact’s messages in arrival order and replies once to each', async () => {
    const contacts = Array.from({ length: 12 }, (_, i) => `order-${i}-${Date.now()}`);
    const perContact = 8;
    await Promise.all(
      contacts.map(async (contact, c) => {
        for (let n = 1; n <= perContact; n++) {
          // alternate between the two API processes
          const response = await platform.post({ messageId: `${contact}-${n}`, from: contact, text: String(n) }, { api: (c + n) % 2 });
          expect(response.status).toBe(202);
        }
      }),
    );
    const expected = ['ready', ...Array.from({ length: perContact - 1 }, (_, i) => `echo ${i + 2}`)];
    await waitFor(
      'every reply',
      () => (contacts.every((contact) => platform.receiver.repliesTo(contact).length >= perContact) ? true : undefined),
      30_000,
    );
    for (const contact of contacts) {
      const stored = await platform.db.message.findMany({
        where: { channelId: platform.channelId, contact, direction: 'outbound' },
        orderBy: { seq: 'asc' },
      });
      expect(stored.map((message) => message.text)).toEqual(expected);
      const received = platform.receiver.repliesTo(contact);
      expect(received.map((reply) => reply.text).sort()).toEqual([...expected].sort());
      expect(new Set(received.map((reply) => reply.messageId)).size).toBe(perContact);
    }
    // both workers took part
    const sessions = await platform.db.session.count({ where: { channelId: platform.channelId } });
    expect(sessions).toBe(contacts.length);
    // Past 20 messages a second, the workspace's messages took the bulk lane, and the order held.
    const bulk = new Queue(queueNames.inboundBulk, { connection: { url: inject('redisUrl') }, prefix: `${inject('redisPrefix')}_order` });
    try {
      expect(await bulk.getCompletedCount()).toBeGreaterThan(0);
    } finally {
      await bulk.close();
    }
  });

  it('retries a reply the receiver refuses with 5xx and delivers it once', async () => {
    const contact = `retry-${Date.now()}`;
    platform.receiver.failNext(503, 502);
    const response = await platform.post({ messageId: `${contact}-1`, from: contact, text: 'hi' });
    expect(response.status).toBe(202);
    const [reply] = await waitFor('the reply after retries', () => {
      const replies = platform.receiver.repliesTo(contact);
      return replies.length > 0 ? replies : undefined;
    });
    expect(reply?.text).toBe('ready');
    await new Promise((done) => setTimeout(done, 500));
    expect(platform.receiver.repliesTo(contact)).toHaveLength(1);
    const stored = await platform.db.message.findFirst({ where: { channelId: platform.channelId, contact, direction: 'outbound' } });
    expect(stored?.status).toBe('sent');
  });

  it('marks a reply failed when the receiver refuses it with a 4xx, without retrying', async () => {
    const contact = `refused-${Date.now()}`;
    platform.receiver.failNext(422);
    await platform.post({ messageId: `${contact}-1`, from: contact, text: 'hi' });
    const stored = await waitFor('the failed reply', async () => {
      const message = await platform.db.message.findFirst({ where: { channelId: platform.channelId, contact, direction: 'outbound' } });
      return message?.status === 'failed' ? message : undefined;
    });
    expect(stored.error).toMatch(/422/);
    expect(stored.attempts).toBe(1);
    expect(platform.receiver.repliesTo(contact)).toHaveLength(0);
  });

  it('stops a worker gracefully on SIGTERM', async () => {
    const extra = platform.startWorker({ LOG_LEVEL: 'info' });
    await waitFor('the worker to start', () => (extra.output().includes('worker started') ? true : undefined), 20_000);
    const code = await extra.stop();
    expect(code).toBe(0);
    expect(extra.output()).toContain('worker stopped');
  });
});
