import { randomUUID } from 'node:crypto';
import { createChannelCache, createDb, insertInboundMessage, StaleSessionError, withContactLock, type Db, type Tx } from '@parley/db';
import type { Flow } from '@parley/engine';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { InboundJob } from '@parley/queue';
import { createRunnerTestFixture, echoTestFlow, type RunnerTestFixture } from '../create-runner-test-fixture';
import { FlowCache } from '../flow-cache';
import { processInbox } from '../process-inbox';
import type { RunnerContext } from '../runner-context';
import { runTurns } from './run-turns';

/**
 * Many contacts' turns in one transaction: each contact is answered as if its inbox
 * job had run alone (replies in order, sessions started, advanced and ended, messages
 * processed or routed to an agent, timers armed and cancelled), a contact whose lock is
 * busy is left for its own transaction, and a refused write leaves nothing behind.
 */
const db = createDb(inject('databaseUrl'));

afterAll(async () => {
  await db.$disconnect();
});

async function say(fixture: RunnerTestFixture, contact: string, text: string): Promise<void> {
  await insertInboundMessage(db, { workspaceId: fixture.workspaceId, channelId: fixture.channelId, channelMessageId: randomUUID(), contact, text, payload: { text } });
}

/** Starts the contact's session the ordinary way ("hi" → "ready"). */
async function started(fixture: RunnerTestFixture): Promise<string> {
  const contact = fixture.contact();
  await say(fixture, contact, 'hi');
  await processInbox(fixture.ctx, { channelId: fixture.channelId, contact });
  return contact;
}

async function replies(channelId: string, contact: string): Promise<string[]> {
  const rows = await db.message.findMany({ where: { channelId, contact, direction: 'outbound' }, orderBy: { seq: 'asc' } });
  return rows.map((row) => row.text ?? '');
}

/** A batch of inbox jobs through the one pipeline, not waiting for busy locks. */
function processInboxBatch(ctx: RunnerContext, jobs: readonly InboundJob[]) {
  return runTurns(ctx, jobs.map((job) => ({ kind: 'inbox', job })), { waitForLocks: false });
}

describe('runTurns', () => {
  it('answers every contact of the batch, in order, with the same rows a lone turn writes', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow);
    const [a, b, c] = [await started(fixture), await started(fixture), await started(fixture)];
    await say(fixture, a, 'one');
    await say(fixture, a, 'two');
    await say(fixture, b, 'three');
    const before = await db.session.findFirstOrThrow({ where: { channelId: fixture.channelId, contact: a } });

    const jobs = [a, b, c, a].map((contact) => ({ channelId: fixture.channelId, contact }));
    const effects = await processInboxBatch(fixture.ctx, jobs);

    expect(await replies(fixture.channelId, a)).toEqual(['ready', 'echo one', 'echo two']);
    expect(await replies(fixture.channelId, b)).toEqual(['ready', 'echo three']);
    expect(await replies(fixture.channelId, c)).toEqual(['ready']);
    // a's two replies go to a's first job; its second job and c's (nothing to do) get nothing.
    expect(effects.map((each) => each?.outboundMessageIds.length)).toEqual([2, 1, 0, 0]);
    const stored = await db.message.findMany({ where: { id: { in: effects[0]?.outboundMessageIds ?? [] } }, orderBy: { seq: 'asc' } });
    expect(stored.map((row) => row.text)).toEqual(['echo one', 'echo two']);

    const inbound = await db.message.findMany({ where: { channelId: fixture.channelId, direction: 'inbound' } });
    expect(inbound.every((row) => row.status === 'processed' && row.sessionId !== null)).toBe(true);
    const after = await db.session.findFirstOrThrow({ where: { id: before.id } });
    expect(after.version).toBe(before.version + 1);
    expect(after.status).toBe('active');

    // Each turn re-armed the session-expiry timer: the session's expiresAt moved on, with no timer rows or jobs.
    expect(after.expiresAt?.getTime()).toBeGreaterThan(before.expiresAt?.getTime() ?? Infinity);
    expect(await db.sessionTimer.count({ where: { sessionId: before.id } })).toBe(0);
    expect(effects[0]).toMatchObject({ timers: [], cancelledTimers: [], wakeUps: [] });

    // The next message continues from the state the batch saved.
    await say(fixture, a, 'three');
    await processInbox(fixture.ctx, { channelId: fixture.channelId, contact: a });
    expect((await replies(fixture.channelId, a)).at(-1)).toBe('echo three');
  });

  it('with leaseReplies, hands back each contact\'s first reply already claimed, unless an earlier reply of the contact is still pending', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow);
    const [a, b] = [await started(fixture), await started(fixture)];
    // a's "ready" was delivered; b's is still pending, so b's next reply must wait behind it.
    await db.message.updateMany({ where: { channelId: fixture.channelId, contact: a, direction: 'outbound' }, data: { status: 'sent' } });
    await say(fixture, a, 'one');
    await say(fixture, a, 'two');
    await say(fixture, b, 'three');

    const effects = await runTurns(fixture.ctx, [a, b].map((contact) => ({ kind: 'inbox' as const, job: { channelId: fixture.channelId, contact } })), { waitForLocks: false, leaseReplies: true });

    const [ofA, ofB] = effects;
    expect(ofA?.outboundMessageIds).toHaveLength(2);
    expect(ofA?.leasedReplies.map((reply) => [reply.id, reply.text, reply.attempts])).toEqual([[ofA?.outboundMessageIds[0], 'echo one', 1]]);
    const held = await db.message.findUniqueOrThrow({ where: { id: ofA?.outboundMessageIds[0] ?? '' } });
    expect(held).toMatchObject({ status: 'pending', attempts: 1, deliveryToken: ofA?.leasedReplies[0]?.deliveryToken });
    expect(held.deliveryLockedUntil?.getTime()).toBeGreaterThan(Date.now());
    const second = await db.message.findUniqueOrThrow({ where: { id: ofA?.outboundMessageIds[1] ?? '' } });
    expect(second).toMatchObject({ attempts: 0, deliveryToken: null });
    expect(ofB?.outboundMessageIds).toHaveLength(1);
    expect(ofB?.leasedReplies).toEqual([]);
  });

  it('starts the sessions of new contacts as processInbox would, answering all their messages in order', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow);
    const alone = fixture.contact();
    await say(fixture, alone, 'hi');
    await processInbox(fixture.ctx, { channelId: fixture.channelId, contact: alone });
    await say(fixture, alone, 'again');
    await processInbox(fixture.ctx, { channelId: fixture.channelId, contact: alone });
    const reference = await db.session.findFirstOrThrow({ where: { channelId: fixture.channelId, contact: alone } });

    const fresh = fixture.contact();
    await say(fixture, fresh, 'hi');
    await say(fixture, fresh, 'again');
    const plain = await started(fixture);
    await say(fixture, plain, 'ok');
    const effects = await processInboxBatch(fixture.ctx, [
      { channelId: fixture.channelId, contact: fresh },
      { channelId: fixture.channelId, contact: plain },
    ]);

    expect(await replies(fixture.channelId, fresh)).toEqual(['ready', 'echo again']);
    expect(await replies(fixture.channelId, plain)).toEqual(['ready', 'echo ok']);
    const session = await db.session.findFirstOrThrow({ where: { channelId: fixture.channelId, contact: fresh } });
    expect(session).toMatchObject({ status: 'active', version: reference.version, botVersionId: reference.botVersionId, activeKey: `${fixture.channelId}:${fresh}` });
    expect(session.expiresAt).not.toBeNull();
    expect(effects[0]?.wakeUps.map((job) => job.sessionId)).toEqual([session.id]);
    expect(await db.analyticsEvent.count({ where: { sessionId: session.id, type: 'session.started' } })).toBe(1);
    const inbound = await db.message.findMany({ where: { channelId: fixture.channelId, contact: fresh, direction: 'inbound' } });
    expect(inbound.map((row) => [row.status, row.sessionId])).toEqual([
      ['processed', session.id],
      ['processed', session.id],
    ]);
    // The next message continues the session the batch started.
    await say(fixture, fresh, 'more');
    await processInbox(fixture.ctx, { channelId: fixture.channelId, contact: fresh });
    expect(await replies(fixture.channelId, fresh)).toEqual(['ready', 'echo again', 'echo more']);
  });

  it('starts no session past the workspace\'s limit: its own setting first, else the operator\'s default; active sessions count', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow);
    await db.workspace.update({ where: { id: fixture.workspaceId }, data: { maxConcurrentSessions: 2 } });
    const first = await started(fixture);
    const [second, third] = [fixture.contact(), fixture.contact()];
    await say(fixture, second, 'hi');
    await say(fixture, third, 'hi');
    await say(fixture, first, 'still here');
    await processInboxBatch(fixture.ctx, [
      { channelId: fixture.channelId, contact: second },
      { channelId: fixture.channelId, contact: third },
      { channelId: fixture.channelId, contact: first },
    ]);
    expect(await replies(fixture.channelId, second)).toEqual(['ready']);
    // The limit (2) is reached: the third contact's message is stored and marked handled, not answered.
    expect(await replies(fixture.channelId, third)).toEqual([]);
    expect(await db.message.findFirstOrThrow({ where: { channelId: fixture.channelId, contact: third, direction: 'inbound' } })).toMatchObject({ status: 'processed', sessionId: null });
    expect(await db.session.count({ where: { channelId: fixture.channelId, contact: third } })).toBe(0);
    // A session that is already running goes on.
    expect(await replies(fixture.channelId, first)).toEqual(['ready', 'echo still here']);

    // Without a workspace setting, the operator's default applies (here 3 > 2 active: one more may start).
    await db.workspace.update({ where: { id: fixture.workspaceId }, data: { maxConcurrentSessions: null } });
    const withDefault = { ...fixture.ctx, maxSessionsPerWorkspace: 3 };
    const [fourth, fifth] = [fixture.contact(), fixture.contact()];
    await say(fixture, fourth, 'hi');
    await say(fixture, fifth, 'hi');
    await processInboxBatch(withDefault, [
      { channelId: fixture.channelId, contact: fourth },
      { channelId: fixture.channelId, contact: fifth },
    ]);
    expect([await replies(fixture.channelId, fourth), await replies(fixture.channelId, fifth)]).toEqual([['ready'], []]);
  });

  it("routes a new contact's messages to its agent conversation, and starts sessions that remember person attributes", async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow);
    const handedOver = await started(fixture);
    const earlier = await db.session.findFirstOrThrow({ where: { channelId: fixture.channelId, contact: handedOver } });
    await db.session.update({ where: { id: earlier.id }, data: { status: 'closed', activeKey: null } });
    const conversation = await db.conversation.create({ data: { workspaceId: fixture.workspaceId, sessionId: earlier.id, channelId: fixture.channelId, status: 'open' } });
    await say(fixture, handedOver, 'a human please');
    const [toAgent] = await processInboxBatch(fixture.ctx, [{ channelId: fixture.channelId, contact: handedOver }]);
    expect(toAgent?.outboundMessageIds).toEqual([]);
    expect(await db.message.findMany({ where: { channelId: fixture.channelId, contact: handedOver, direction: 'inbound', text: 'a human please' } })).toMatchObject([{ status: 'processed', sessionId: null }]);
    expect(await db.analyticsEvent.count({ where: { type: 'conversation.message', payload: { path: ['conversationId'], equals: conversation.id } } })).toBe(1);
    expect(await db.session.count({ where: { channelId: fixture.channelId, contact: handedOver, status: 'active' } })).toBe(0);

    const remembering: Flow = { ...echoTestFlow, attributes: [...echoTestFlow.attributes, { name: 'nickname', type: 'text', scope: 'person' }] };
    const other = await createRunnerTestFixture(db, remembering);
    const fresh = other.contact();
    await say(other, fresh, 'hi');
    const [withProfile] = await processInboxBatch(other.ctx, [{ channelId: other.channelId, contact: fresh }]);
    expect(withProfile).not.toBeNull();
    expect(await replies(other.channelId, fresh)).toEqual(['ready']);
  });

  it('ends a session within the batch, and the next message starts a new one', async () => {
    // The echo bot without its loop: the session ends after the first echo.
    const closing: Flow = { ...echoTestFlow, dialogs: echoTestFlow.dialogs.map((dialog) => ({ ...dialog, edges: dialog.edges.filter((edge) => edge.to !== 'ask' || edge.from === 'ready') })) };
    const fixture = await createRunnerTestFixture(db, closing);
    const contact = await started(fixture);
    await say(fixture, contact, 'now');
    await say(fixture, contact, 'again');

    const [effects] = await processInboxBatch(fixture.ctx, [{ channelId: fixture.channelId, contact }]);
    expect(effects).not.toBeNull();
    expect(await replies(fixture.channelId, contact)).toEqual(['ready', 'echo now', 'ready']);
    const sessions = await db.session.findMany({ where: { channelId: fixture.channelId, contact }, orderBy: { createdAt: 'asc' } });
    expect(sessions.map((session) => session.status)).toEqual(['closed', 'active']);
    expect(effects?.cancelledWakeUps).toEqual([sessions[0]?.id]);
    expect(await db.analyticsEvent.count({ where: { sessionId: sessions[0]?.id, type: 'session.closed' } })).toBe(1);
    const inbound = await db.message.findMany({ where: { channelId: fixture.channelId, contact, direction: 'inbound' }, orderBy: { seq: 'asc' } });
    expect(inbound.map((row) => row.sessionId)).toEqual([sessions[0]?.id, sessions[0]?.id, sessions[1]?.id]);
  });

  it('writes nothing for any contact when one session moved on underneath it', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow);
    const [a, b] = [await started(fixture), await started(fixture)];
    await say(fixture, a, 'x');
    await say(fixture, b, 'y');
    const victim = await db.session.findFirstOrThrow({ where: { channelId: fixture.channelId, contact: b } });
    // Another writer commits a newer version of b's session while the batch is planning (after it read them).
    class Interfering extends FlowCache {
      done = false;
      override async get(tx: Db | Tx, botVersionId: string): Promise<Flow> {
        if (!this.done) {
          this.done = true;
          await db.session.update({ where: { id: victim.id }, data: { version: { increment: 1 } } });
        }
        return super.get(tx, botVersionId);
      }
    }
    const ctx = { ...fixture.ctx, flows: new Interfering() };

    await expect(
      processInboxBatch(ctx, [
        { channelId: fixture.channelId, contact: a },
        { channelId: fixture.channelId, contact: b },
      ]),
    ).rejects.toBeInstanceOf(StaleSessionError);
    expect(await replies(fixture.channelId, a)).toEqual(['ready']);
    expect(await replies(fixture.channelId, b)).toEqual(['ready']);
    expect(await db.message.count({ where: { channelId: fixture.channelId, direction: 'inbound', status: 'received' } })).toBe(2);

    // Run alone (what the worker does next), each is answered once.
    for (const contact of [a, b]) await processInbox(fixture.ctx, { channelId: fixture.channelId, contact });
    expect(await replies(fixture.channelId, a)).toEqual(['ready', 'echo x']);
    expect(await replies(fixture.channelId, b)).toEqual(['ready', 'echo y']);
  });

  it('does not wait for a contact whose turn runs elsewhere: it is left to its own transaction', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow);
    const [busy, free] = [await started(fixture), await started(fixture)];
    await say(fixture, busy, 'later');
    await say(fixture, free, 'now');
    const other = createDb(inject('databaseUrl'));
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      let locked = (): void => undefined;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      // Another worker's turn holds busy's lock until released.
      const running = withContactLock(other, fixture.channelId, busy, async () => {
        locked();
        await held;
      });
      await isLocked;
      const startedAt = Date.now();
      const effects = await processInboxBatch(fixture.ctx, [
        { channelId: fixture.channelId, contact: busy },
        { channelId: fixture.channelId, contact: free },
      ]);
      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expect(effects[0]).toBeNull();
      expect(effects[1]?.outboundMessageIds).toHaveLength(1);
      expect(await replies(fixture.channelId, free)).toEqual(['ready', 'echo now']);
      expect(await replies(fixture.channelId, busy)).toEqual(['ready']);
      release();
      await running;
      await processInbox(fixture.ctx, { channelId: fixture.channelId, contact: busy });
      expect(await replies(fixture.channelId, busy)).toEqual(['ready', 'echo later']);
    } finally {
      release();
      await other.$disconnect();
    }
  });

  it('arms and cancels reply timeouts as lone turns would: one armed and cancelled within the batch leaves nothing', async () => {
    const timed: Flow = {
      ...echoTestFlow,
      dialogs: echoTestFlow.dialogs.map((dialog) => ({
        ...dialog,
        elements: dialog.elements.map((element) => (element.type === 'user-response' ? { ...element, timeoutSeconds: 60, fallback: { message: { text: 'gone?' }, action: { type: 'end' } } } : element)),
      })),
    };
    const fixture = await createRunnerTestFixture(db, timed);
    const contact = await started(fixture);
    const session = await db.session.findFirstOrThrow({ where: { channelId: fixture.channelId, contact } });
    const [first] = await db.sessionTimer.findMany({ where: { sessionId: session.id } });
    expect(first).toMatchObject({ kind: 'reply-timeout', status: 'pending' });
    await say(fixture, contact, 'one');
    await say(fixture, contact, 'two');

    const [effects] = await processInboxBatch(fixture.ctx, [{ channelId: fixture.channelId, contact }]);
    expect(await replies(fixture.channelId, contact)).toEqual(['ready', 'echo one', 'echo two']);
    const timers = await db.sessionTimer.findMany({ where: { sessionId: session.id }, orderBy: { createdAt: 'asc' } });
    // The first question's timeout is cancelled, the second's (armed and answered in this batch) never stored,
    // the third's pending; the queue is asked for the same.
    expect(timers.map((timer) => [timer.timerId === first?.timerId, timer.status])).toEqual([
      [true, 'cancelled'],
      [false, 'pending'],
    ]);
    expect(effects?.cancelledTimers).toEqual([{ sessionId: session.id, timerId: first?.timerId }]);
    expect(effects?.timers.map((timer) => timer.timerId)).toEqual([timers[1]?.timerId]);
  });

  it('never needs a second pooled connection: many lone turns on a cold cache and a pool of two all finish', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow);
    const small = createDb(inject('databaseUrl'), { maxConnections: 2 });
    try {
      // A fresh context: cold flow and channel caches, two connections for six turns at once.
      const ctx: RunnerContext = { ...fixture.ctx, db: small, flows: new FlowCache(), channels: createChannelCache(fixture.ctx.secretKey) };
      const contacts = Array.from({ length: 6 }, () => fixture.contact());
      for (const contact of contacts) await say(fixture, contact, 'hi');
      const turns = Promise.all(contacts.map((contact) => processInbox(ctx, { channelId: fixture.channelId, contact })));
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('turns starved the pool')), 15_000));
      await Promise.race([turns, timeout]);
      for (const contact of contacts) expect(await replies(fixture.channelId, contact)).toEqual(['ready']);
    } finally {
      await small.$disconnect();
    }
  });
});
