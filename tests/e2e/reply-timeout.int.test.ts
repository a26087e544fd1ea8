import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { replyTimeoutFlow } from '../support/reply-timeout-flow';
import { startPlatform, type Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';

/**
 * Timers are real BullMQ delayed jobs: a 15 s reply timeout fires its fallback
 * although the user never writes again, and a timer that fires after the user
 * already answered does nothing.
 */

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_timeout`,
    flow: replyTimeoutFlow,
  });
});

afterAll(async () => {
  await platform?.stop();
});

describe('reply timeout through the real queue', () => {
  it('sends the fallback 15 s after the question with no user message, and ignores the timer of an answered question', async () => {
    const silent = `silent-${Date.now()}`;
    const answering = `answering-${Date.now()}`;
    expect((await platform.post({ messageId: `${silent}-1`, from: silent, text: 'hi' })).status).toBe(202);
    expect((await platform.post({ messageId: `${answering}-1`, from: answering, text: 'hi' })).status).toBe(202);
    await waitFor('both questions', () =>
      platform.receiver.repliesTo(silent).length === 1 && platform.receiver.repliesTo(answering).length === 1 ? true : undefined,
    );
    const askedAt = Date.now();
    expect((await platform.post({ messageId: `${answering}-2`, from: answering, text: 'A-42' })).status).toBe(202);
    await waitFor('the answer to be processed', () => (platform.receiver.repliesTo(answering).length === 2 ? true : undefined));

    const [, fallback] = await waitFor(
      'the timeout fallback',
      () => {
        const replies = platform.receiver.repliesTo(silent);
        return replies.length >= 2 ? replies : undefined;
      },
      30_000,
    );
    const firedAfter = Date.now() - askedAt;
    expect(fallback?.text).toBe('No answer, so I will stop here. Write again any time.');
    expect(firedAfter).toBeGreaterThanOrEqual(13_000);
    const silentSession = await platform.db.session.findFirst({ where: { channelId: platform.channelId, contact: silent } });
    expect(silentSession?.status).not.toBe('active');

    // The answered contact's timer came due too (or was cancelled), and did nothing: its
    // session still waits at the next question.
    await new Promise((done) => setTimeout(done, 1500));
    expect(platform.receiver.repliesTo(answering).map((reply) => reply.text)).toEqual([
      'What is your order number?',
      'Thanks, looking up A-42.',
    ]);
    const answeringSession = await platform.db.session.findFirst({ where: { channelId: platform.channelId, contact: answering } });
    expect(answeringSession?.status).toBe('active');
  }, 60_000);
});
