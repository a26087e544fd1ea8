import { describe, expect, inject, it } from 'vitest';
import type { Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';
import { startEchoLoad } from './support/echo-load';
import { flushRedisDatabase, restartRedis } from './support/services';
import { replyTimeoutFlow } from '../support/reply-timeout-flow';
import { startFaultPlatform } from './support/start-fault-platform';
import { stopPlatform } from './support/stop-platform';
import { workerWarnings } from './support/worker-warnings';
import { distinctReplies, verifyEchoConversations, waitForEveryReply } from './support/verify-echo-conversations';

/**
 * Redis loses everything in the middle of a load — FLUSHDB of the suite's own
 * Redis database, or a restart of the local Redis, which keeps nothing on disk.
 * Postgres is the source of truth: every acknowledged message is still answered
 * exactly once and in order, and a 15 s reply timeout set before the loss still
 * fires on time.
 */
async function loseRedisUnderLoad(how: 'flushdb' | 'restart'): Promise<void> {
  let platform: Platform | undefined;
  let passed = false;
  try {
    platform = await startFaultPlatform({ name: how, apis: 2, workers: 2 });
    const live = platform;
    const timeoutChannel = await live.addBot(replyTimeoutFlow);
    const sessions = 100;
    const perSession = 10;
    const total = sessions * perSession;
    const startedAt = Date.now();

    // A session waits 15 s for an answer that never comes: its timer is a pending row and a delayed job.
    const silent = `silent-${how}-${startedAt.toString(36)}`;
    expect((await live.post({ messageId: `${silent}-1`, from: silent, text: 'hi' }, { channelId: timeoutChannel })).status).toBe(202);
    const timer = await waitFor(
      'the reply timeout to be armed',
      async () => (await live.db.sessionTimer.findFirst({ where: { channelId: timeoutChannel, contact: silent, kind: 'reply-timeout' } })) ?? undefined,
      30_000,
    );

    // Redis is lost once a fifth of the load is answered, the rest still to do.
    const load = startEchoLoad({ platform: live, tag: `${how}-${startedAt.toString(36)}`, sessions, perSession });
    const loaded = new Set(load.contacts);
    await waitFor('20 % of the replies', () => (distinctReplies(live, loaded) >= total * 0.2 ? true : undefined), 60_000);
    const repliesAtLoss = distinctReplies(live, loaded);
    expect(repliesAtLoss).toBeLessThan(total);

    const lostAt = Date.now();
    if (how === 'flushdb') await flushRedisDatabase(inject('redisUrl'));
    else await restartRedis();
    const backAt = Date.now();

    await load.done;
    await waitForEveryReply(live, load.contacts, perSession, 90_000);
    const doneAt = Date.now();
    const [, fallback] = await waitFor(
      'the timeout fallback',
      () => {
        const replies = live.receiver.repliesTo(silent);
        return replies.length >= 2 ? replies : undefined;
      },
      40_000,
    );
    const lateBy = (fallback?.receivedAt ?? Date.now()) - timer.dueAt.getTime();
    const report = await verifyEchoConversations(live, load.contacts, perSession);
    console.info(
      `redis ${how}: ${total} messages; Redis lost after ${lostAt - startedAt} ms (back in ${backAt - lostAt} ms); ` +
        `${repliesAtLoss} of ${total} replies delivered then; all answered after ${doneAt - startedAt} ms (${doneAt - backAt} ms after the loss); timeout fallback ${lateBy} ms after it was due; ` +
        `${report.redelivered} repeated deliveries; statuses ${JSON.stringify(Object.fromEntries(load.statuses))}`,
    );
    if (report.repeats.length > 0) console.info('repeated deliveries', report.repeats, workerWarnings(live));
    expect(report.problems.slice(0, 10)).toEqual([]);
    expect(report.distinct).toBe(total);
    // Deliveries are leased in Postgres: losing Redis repeats none.
    expect(report.redelivered).toBe(0);
    expect(load.unexpected).toEqual([]);
    expect(fallback?.text).toBe('No answer, so I will stop here. Write again any time.');
    // Not early; late by at most a reconcile interval, a delivery, and a loaded machine's slack.
    expect(lateBy).toBeGreaterThanOrEqual(0);
    expect(lateBy).toBeLessThan(15_000);
    expect(live.receiver.repliesTo(silent)).toHaveLength(2);
    passed = true;
  } finally {
    if (!passed && platform) console.info('worker log summary', workerWarnings(platform));
    await stopPlatform(platform);
  }
}

describe.skipIf(!inject('faultSuiteAlone'))('Redis lost under load', () => {
  it('FLUSHDB: every message answered once and in order, the pending timer still fires', async () => {
    await loseRedisUnderLoad('flushdb');
  }, 120_000);

  it('Redis restarted empty: every message answered once and in order, the pending timer still fires', async () => {
    await loseRedisUnderLoad('restart');
  }, 120_000);
});
