import { randomUUID } from 'node:crypto';
import { createDb, insertInboundMessage } from '@parley/db';
import type { Flow } from '@parley/engine';
import { createQueues, jobId, type Queues, type TimerJob } from '@parley/queue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRunnerTestFixture, type RunnerTestFixture } from './create-runner-test-fixture';
import { processInbox } from './process-inbox';
import { processTimer } from './process-timer';
import { reconcile } from './reconcile';

/**
 * Timers live in Postgres (SessionTimer); their BullMQ delayed jobs are copies
 * the reconciler re-creates when Redis lost them. Firing is idempotent, and a
 * cancelled or already fired timer does nothing.
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
    expect(timers.map((timer) => [timer.kind, timer.status]).sort()).toEqual([
      ['reply-timeout', 'pending'],
      ['session-expiry', 'pending'],
    ]);
    const replyTimeout = timers.find((timer) => timer.kind === 'reply-timeout');
    if (!replyTimeout) throw new Error('no reply timeout stored');
    expect(replyTimeout.dueAt.getTime() - Date.now()).toBeGreaterThan(50_000);
    const timerJobId = jobId('timer', replyTimeout.sessionId, replyTimeout.timerId);

    // Redis holds none of it (this prefix is new, as after a wipe): the first run is full.
    const first = await reconcile(fixture.ctx, queues);
    expect(first.full).toBe(true);
    expect(first.recreated).toBeGreaterThanOrEqual(2);
    expect(await queues.timers.getJobState(timerJobId)).toBe('delayed');
    const job = await queues.timers.getJob(timerJobId);
    expect(job?.opts.delay).toBeGreaterThan(50_000);

    // Nothing lost since: a light run keeps every job.
    const second = await reconcile(fixture.ctx, queues);
    expect(second).toMatchObject({ full: false, recreated: 0 });

    // The job is lost and the timer came due meanwhile: re-created to run now.
    await queues.timers.remove(timerJobId);
    await db.sessionTimer.update({ where: { id: replyTimeout.id }, data: { dueAt: new Date(Date.now() - 10_000) } });
    const third = await reconcile(fixture.ctx, queues);
    expect(third).toMatchObject({ full: false, recreated: 1 });
    expect(await queues.timers.getJobState(timerJobId)).toBe('waiting');
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
    const expiry = (await timersOf(contact)).find((timer) => timer.kind === 'session-expiry');
    expect(effects.cancelledTimers).toContainEqual({ sessionId: replyTimeout.sessionId, timerId: expiry?.timerId });
    expect((await timersOf(contact)).map((timer) => [timer.kind, timer.status]).sort()).toEqual([
      ['reply-timeout', 'fired'],
      ['session-expiry', 'cancelled'],
    ]);

    // The same job again (at-least-once delivery, or re-created by the reconciler): nothing happens.
    const again = await processTimer(fixture.ctx, job);
    expect(again).toEqual({ outboundMessageIds: [], timers: [], cancelledTimers: [] });
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
    // Pending: only the expiry timer armed by the last turn.
    expect((await timersOf(contact)).filter((timer) => timer.status === 'pending').map((timer) => timer.kind)).toEqual(['session-expiry']);
  });
});
