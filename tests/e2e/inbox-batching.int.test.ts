import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { echoFlow } from '../support/echo-flow';
import { startPlatform, type Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';

/**
 * INBOX_BATCH_WINDOW_MS through the real API, queue and worker: three messages
 * sent in quick succession get one answer, after the contact paused for the window.
 */
let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_batching`,
    flow: echoFlow,
    workerEnv: { INBOX_BATCH_WINDOW_MS: '1500' },
  });
});

afterAll(async () => {
  await platform?.stop();
});

describe('inbox batching window, end to end', () => {
  it('answers messages sent within the window as one turn, once the contact paused', async () => {
    const contact = `typist-${randomUUID()}`;
    expect((await platform.post({ messageId: randomUUID(), from: contact, text: 'hi' })).status).toBe(202);
    await waitFor('the greeting', () => (platform.receiver.repliesTo(contact).length >= 1 ? true : undefined));

    const sentAt = Date.now();
    for (const text of ['my order', 'is late', 'A-17']) {
      expect((await platform.post({ messageId: randomUUID(), from: contact, text })).status).toBe(202);
    }
    const replies = await waitFor('the batched answer', () => {
      const all = platform.receiver.repliesTo(contact);
      return all.length >= 2 ? all : undefined;
    });
    expect(replies.map((reply) => reply.text)).toEqual(['ready', 'echo my order\nis late\nA-17']);
    // Not before the contact had been quiet for the window.
    expect((replies[1]?.receivedAt ?? 0) - sentAt).toBeGreaterThanOrEqual(1_400);
    // And nothing more comes.
    await new Promise((done) => setTimeout(done, 2_000));
    expect(platform.receiver.repliesTo(contact)).toHaveLength(2);
  });
});
