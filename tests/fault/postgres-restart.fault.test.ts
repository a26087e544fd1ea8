import { describe, expect, it, inject } from 'vitest';
import type { Platform } from '../support/start-platform';
import { waitFor } from '../support/wait-for';
import { startEchoLoad } from './support/echo-load';
import { startPostgres, stopPostgres } from './support/services';
import { startFaultPlatform } from './support/start-fault-platform';
import { stopPlatform } from './support/stop-platform';
import { workerWarnings } from './support/worker-warnings';
import { distinctReplies, verifyEchoConversations, waitForEveryReply } from './support/verify-echo-conversations';

/**
 * Postgres goes down in the middle of a load and comes back. While it is down the
 * API answers 503 (never 2xx for a message it could not store), the channel
 * retries, and afterwards everything acknowledged is answered once, in order.
 */
describe.skipIf(!inject('faultSuiteAlone'))('Postgres restarted under load', () => {
  it('answers 503 while down; every acknowledged message is answered once and in order', async () => {
    let platform: Platform | undefined;
    let passed = false;
    try {
      platform = await startFaultPlatform({ name: 'pgrestart', apis: 2, workers: 2 });
      const live = platform;
      const sessions = 100;
      // Enough messages that the load is still mid-conversation when Postgres stops
      // (the pipeline answers 10 messages per contact in about a second).
      const perSession = 30;
      const total = sessions * perSession;
      const startedAt = Date.now();
      // Conversational pace: contacts keep sending through the outage.
      const load = startEchoLoad({ platform: live, tag: `pg-${startedAt.toString(36)}`, sessions, perSession, awaitReplies: true });
      await waitFor('10 % of the replies', () => (distinctReplies(live) >= total * 0.1 ? true : undefined), 60_000);

      const stoppedAt = Date.now();
      await stopPostgres();
      const probeId = `probe-${startedAt.toString(36)}`;
      const probe = await live.post({ messageId: `${probeId}-1`, from: probeId, text: 'hi' });
      const probeBody: unknown = await probe.json();
      await new Promise((done) => setTimeout(done, 3000));
      await startPostgres();
      const upAt = Date.now();

      expect(probe.status).toBe(503);
      expect(probeBody).toMatchObject({ error: 'unavailable' });
      // The refused message was not stored; the channel's retry is.
      expect(await live.db.message.count({ where: { channelId: live.channelId, contact: probeId } })).toBe(0);
      expect((await live.post({ messageId: `${probeId}-1`, from: probeId, text: 'hi' })).status).toBe(202);

      await load.done;
      await waitForEveryReply(live, load.contacts, perSession, 90_000);
      const doneAt = Date.now();
      await waitFor('the probe’s reply', () => (live.receiver.repliesTo(probeId).length > 0 ? true : undefined), 20_000);
      const report = await verifyEchoConversations(live, load.contacts, perSession);
      const statuses = Object.fromEntries(load.statuses);
      console.info(
        `postgres restart: ${total} messages; down after ${stoppedAt - startedAt} ms for ${upAt - stoppedAt} ms; ` +
          `all answered after ${doneAt - startedAt} ms (${doneAt - upAt} ms after it was back); ` +
          `${report.redelivered} repeated deliveries (same idempotency key); statuses ${JSON.stringify(statuses)}`,
      );
      if (report.repeats.length > 0) console.info('repeated deliveries', report.repeats, workerWarnings(live));
      expect(report.problems.slice(0, 10)).toEqual([]);
      expect(report.distinct).toBe(total);
      // Only 2xx (stored) or 503 (not stored, retry), never a 500 or another answer.
      expect(load.unexpected).toEqual([]);
      expect(Object.keys(statuses).every((status) => ['200', '202', '503'].includes(status))).toBe(true);
      expect(load.statuses.get('503') ?? 0).toBeGreaterThan(0);
      passed = true;
    } finally {
      if (!passed && platform) console.info('log summary', workerWarnings(platform), workerWarnings(platform, 'apis'));
      await stopPlatform(platform);
    }
  }, 120_000);
});
