import { randomUUID } from 'node:crypto';
import type { Flow } from '@parley/engine';
import { armSessionTimer, createDb, insertInboundMessage } from '@parley/db';
import { migrateSessionState } from '@parley/engine';
import { createQueues, expiryWakeUpJob, jobId, type Queues, type TimerJob } from '@parley/queue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRunnerTestFixture, type RunnerTestFixture } from './create-runner-test-fixture';
import { dispatchEffects } from './dispatch-effects';
import { emptyEffects } from './effects';
import { processExpiryWakeUp } from './process-expiry-wake-up';
import { processInbox } from './process-inbox';
import { processTimer } from './process-timer';
import { reconcile } from './reconcile';

/**
 * Timers live in Postgres (SessionTimer; the session-expiry timer as
 * Session.expiresAt); their BullMQ delayed jobs are copies the reconciler
 * re-creates when Redis lost them. Firing is idempotent, and a cancelled or
 * already fired timer does nothing.
 */
const askFlow: Flow = {
  version: 1,
  attributes: [{ name: 'order', type: 'text', scope: 'session' }],
  entryDialogId: 'main',
  dialogs: [
    {
      id: 'main',
      name: 'Main',
      startElementId: 'ask',
      elements: [
        { id: 'ask', type: 'send-message', text: 'Order number?' },
        {
          id: 'wait',
          type: 'user-response',
          saveAs: 'order',
          timeoutSeconds: 60,
          fallback: { message: { text: 'No answer, bye.' }, action: { type: 'end' } },
        },
        { id: 'thanks', type: 'send-message', text: 'Thanks for {{order}}.' },
        { id: 'more', type: 'user-response' },
      ],
      edges: [
        { id: 'e1', from: 'ask', to: 'wait' },
        { id: 'e2', from: 'wait', port: 'next', to: 'thanks' },
        { id: 'e3', from: 'thanks', to: 'more' },
      ],
    },
  ],
  settings: { sessionTimeoutSeconds: 3600 },
};

const db = createDb(inject('databaseUrl'));
let queues: Queues;
let fixture: RunnerTestFixture;

beforeAll(async () => {
  queues = createQueues({ redisUrl: inject('redisUrl'), prefix: `${inject('redisPrefix')}_timers_${randomUUID().slice(0, 8)}` });
  fixture = await createRunnerTestFixture(db, askFlow);
});

afterAll(async () => {
  await Promise.all([queues.inbound, queues.outbound, queues.timers].map((queue) => queue.obliterate({ force: true })));
  await queues.connection.del(`${queues.prefix}:parley:reconciled`);
  await queues.close();
  await db.$disconnect();
});

async function say(contact: string, text: string): Promise<void> {
  await insertInboundMessage(db, { workspaceId: fixture.workspaceId, channelId: fixture.channelId, channelMessageId: randomUUID(), contact, text, payload: { text } });
  await processInbox(fixture.ctx, { channelId: fixture.channelId, contact });
}

async function timersOf(contact: string) {
  return db.sessionTimer.findMany({ where: { channelId: fixture.channelId, contact }, orderBy: { createdAt: 'asc' } });
}

describe('durable timers', () => {
  it('stores the timers a turn sets and re-creates their lost jobs; an overdue one runs at once', async () => {
    const contact = fixture.contact();
    await say(contact, 'hi');
    const timers = await timersOf(contact);
    expect(timers.map((timer) => [timer.kind, timer.status])).toEqual([['reply-timeout', 'pending']]);
    const replyTimeout = timers.find((timer) => timer.kind === 'reply-timeout');
    if (!replyTimeout) throw new Error('no reply timeout stored');
    expect(replyTimeout.dueAt.getTime() - Date.now()).toBeGreaterThan(50_000);
    const timerJobId = jobId('timer', replyTimeout.sessionId, replyTimeout.timerId);
    // The session-expiry timer is the session's expiresAt (an hour away), watched by one wake-up job.
    const session = await db.session.findUniqueOrThrow({ where: { id: replyTimeout.sessionId } });
    expect((session.expiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(3_500_000);
    const wakeUpJobId = jobId('expiry', session.id);

    // Redis holds none of it (this prefix is new, as after a wipe): the first run is full. It
    // queues the reply timeout (due within the 10-minute horizon), not the expiry an hour away.
    const horizon = { coveredUntil: 0 };
    const first = await reconcile(fixture.ctx, queues, { horizon });
    expect(first.full).toBe(true);
    expect(first.recreated).toBeGreaterThanOrEqual(1);
    expect(await queues.timers.getJobState(timerJobId)).toBe('delayed');
    const job = await queues.timers.getJob(timerJobId);
    expect(job?.opts.delay).toBeGreaterThan(50_000);
    expect(await queues.timers.getJobState(wakeUpJobId)).toBe('unknown');

    // Nothing lost since: a light run keeps every job.
    const second = await reconcile(fixture.ctx, queues, { horizon });
    expect(second).toMatchObject({ full: false, recreated: 0 });

    // The expiry comes within the horizon: the next light run queues its wake-up.
    await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() + 5 * 60_000) } });
    horizon.coveredUntil = Date.now() + 5 * 60_000 - 1_000;
    const nearer = await reconcile(fixture.ctx, queues, { horizon });
    expect(nearer).toMatchObject({ full: false, recreated: 1 });
    expect(await queues.timers.getJobState(wakeUpJobId)).toBe('delayed');

    // The job is lost and the timer came due meanwhile: re-created to run now.
    await queues.timers.remove(timerJobId);
    await db.sessionTimer.update({ where: { id: replyTimeout.id }, data: { dueAt: new Date(Date.now() - 10_000) } });
    const third = await reconcile(fixture.ctx, queues, { horizon });
    expect(third).toMatchObject({ full: false, recreated: 1 });
    expect(await queues.timers.getJobState(timerJobId)).toBe('waiting');

    // Likewise the expiry wake-up of a session whose expiry passed while its job was lost.
    await queues.timers.remove(wakeUpJobId);
    await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 10_000) } });
    const fourth = await reconcile(fixture.ctx, queues, { horizon });
    expect(fourth).toMatchObject({ full: false, recreated: 1 });
    expect(await queues.timers.getJobState(wakeUpJobId)).toBe('waiting');
  });

  it('fires a timer once, and ends the session cancelling its other timers', async () => {
    const contact = fixture.contact();
    await say(contact, 'hi');
    const replyTimeout = (await timersOf(contact)).find((timer) => timer.kind === 'reply-timeout');
    if (!replyTimeout) throw new Error('no reply timeout stored');
    const job: TimerJob = {
      channelId: fixture.channelId,
      contact,
      sessionId: replyTimeout.sessionId,
      timerId: replyTimeout.timerId,
      kind: replyTimeout.kind,
      dueAt: replyTimeout.dueAt.getTime(),
    };

    const effects = await processTimer(fixture.ctx, job);
    expect(effects.outboundMessageIds).toHaveLength(1);
    // The session ended: its expiry is no longer watched.
    expect(effects.cancelledWakeUps).toEqual([replyTimeout.sessionId]);
    expect(await db.session.findUniqueOrThrow({ where: { id: replyTimeout.sessionId } })).toMatchObject({ status: 'closed', expiresAt: null });
    expect((await timersOf(contact)).map((timer) => [timer.kind, timer.status])).toEqual([['reply-timeout', 'fired']]);

    // The same job again (at-least-once delivery, or re-created by the reconciler): nothing happens.
    const again = await processTimer(fixture.ctx, job);
    expect(again).toEqual(emptyEffects());
    const replies = await db.message.findMany({ where: { channelId: fixture.channelId, contact, direction: 'outbound' }, orderBy: { seq: 'asc' } });
    expect(replies.map((reply) => reply.text)).toEqual(['Order number?', 'No answer, bye.']);
  });

  it('cancels the reply timeout of an answered question, which then does nothing when its job runs', async () => {
    const contact = fixture.contact();
    await say(contact, 'hi');
    const replyTimeout = (await timersOf(contact)).find((timer) => timer.kind === 'reply-timeout');
    if (!replyTimeout) throw new Error('no reply timeout stored');
    await say(contact, 'A-42');
    expect((await db.sessionTimer.findUniqueOrThrow({ where: { id: replyTimeout.id } })).status).toBe('cancelled');

    const effects = await processTimer(fixture.ctx, {
      channelId: fixture.channelId,
      contact,
      sessionId: replyTimeout.sessionId,
      timerId: replyTimeout.timerId,
      kind: replyTimeout.kind,
      dueAt: replyTimeout.dueAt.getTime(),
    });
    expect(effects.outboundMessageIds).toEqual([]);
    const replies = await db.message.findMany({ where: { channelId: fixture.channelId, contact, direction: 'outbound' }, orderBy: { seq: 'asc' } });
    expect(replies.map((reply) => reply.text)).toEqual(['Order number?', 'Thanks for A-42.']);
    // Nothing pending: the session now only waits for its expiry.
    expect((await timersOf(contact)).filter((timer) => timer.status === 'pending')).toEqual([]);
  });

  it('expires a session through its wake-up job only once its (moved) expiry time has come', async () => {
    const contact = fixture.contact();
    await say(contact, 'hi');
    const session = await db.session.findFirstOrThrow({ where: { channelId: fixture.channelId, contact, status: 'active' } });
    const expiresAt = session.expiresAt?.getTime() ?? 0;
    const wakeUp = expiryWakeUpJob({ channelId: fixture.channelId, contact, sessionId: session.id, dueAt: expiresAt });

    // Woken up early (the session was active since the job was scheduled): wait until its expiry.
    expect(await processExpiryWakeUp(fixture.ctx, wakeUp)).toEqual({ ...emptyEffects(), deferUntil: expiresAt });

    // Due: the engine gets the expiry timer it armed, and the session expires.
    await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const effects = await processExpiryWakeUp(fixture.ctx, wakeUp);
    expect(effects.cancelledWakeUps).toEqual([session.id]);
    const expired = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(expired).toMatchObject({ status: 'expired', expiresAt: null, activeKey: null });
    // Its pending reply timeout went with it.
    expect((await timersOf(contact)).map((timer) => timer.status)).toEqual(['cancelled']);

    // Again (a repeated job): the session has ended, nothing happens.
    expect(await processExpiryWakeUp(fixture.ctx, wakeUp)).toEqual(emptyEffects());
  });

  it('moves a session whose expiry timer is still a SessionTimer row (stored before expiresAt existed) to the wake-up', async () => {
    const contact = fixture.contact();
    await say(contact, 'hi');
    const session = await db.session.findFirstOrThrow({ where: { channelId: fixture.channelId, contact, status: 'active' } });
    const expiryTimerId = migrateSessionState(session.state).expiryTimerId ?? '';
    await db.session.update({ where: { id: session.id }, data: { expiresAt: null } });
    await armSessionTimer(db, { sessionId: session.id, timerId: expiryTimerId, kind: 'session-expiry', dueAt: new Date(Date.now() + 3_600_000), channelId: fixture.channelId, contact });

    await insertInboundMessage(db, { workspaceId: fixture.workspaceId, channelId: fixture.channelId, channelMessageId: randomUUID(), contact, text: 'A-1', payload: { text: 'A-1' } });
    const effects = await processInbox(fixture.ctx, { channelId: fixture.channelId, contact });
    // The old row and its job are cancelled; the expiry is now the session's expiresAt, watched by a wake-up.
    expect(effects.cancelledTimers).toContainEqual({ sessionId: session.id, timerId: expiryTimerId });
    expect(await db.sessionTimer.findUniqueOrThrow({ where: { sessionId_timerId: { sessionId: session.id, timerId: expiryTimerId } } })).toMatchObject({ status: 'cancelled' });
    const moved = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(moved.expiresAt).not.toBeNull();
    expect(effects.wakeUps).toEqual([expiryWakeUpJob({ channelId: fixture.channelId, contact, sessionId: session.id, dueAt: moved.expiresAt?.getTime() ?? 0 })]);
  });

  it('keeps timers and expiries due beyond the horizon out of Redis: only those due soon get a job', async () => {
    const now = Date.now();
    const timer = (timerId: string, dueAt: number): TimerJob => ({ channelId: fixture.channelId, contact: 'horizon', sessionId: `s-${timerId}`, timerId, kind: 'reply-timeout', dueAt });
    const [soon, later] = [timer('soon', now + 60_000), timer('later', now + 3_600_000)];
    const wakeUp = expiryWakeUpJob({ channelId: fixture.channelId, contact: 'horizon', sessionId: 's-later', dueAt: now + 3_600_000 });
    await dispatchEffects(queues, { ...emptyEffects(), timers: [soon, later], wakeUps: [wakeUp] }, now, 10 * 60_000);
    expect(await queues.timers.getJobState(jobId('timer', soon.sessionId, soon.timerId))).toBe('delayed');
    expect(await queues.timers.getJobState(jobId('timer', later.sessionId, later.timerId))).toBe('unknown');
    expect(await queues.timers.getJobState(jobId('expiry', 's-later'))).toBe('unknown');
  });
});
