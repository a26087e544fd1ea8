import { claimNextOutbound, createDb, createOutboxBatcher, insertOutboundMessage, type Message } from '@parley/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRunnerTestFixture, echoTestFlow, type RunnerTestFixture } from './create-runner-test-fixture';
import { deliverOutbound, type DeliveryResult } from './deliver-outbound';
import type { RunnerContext } from './runner-context';
import { startJsonReceiver, type JsonReceiver } from './testing/start-json-receiver';

/**
 * Delivery order per contact: replies reach the receiver in seq order even when
 * their jobs run concurrently, out of order, in several "workers"; a failing
 * reply holds the later ones back until it is sent or permanently failed; a
 * crashed worker's lease is taken over once it expires.
 */
const db = createDb(inject('databaseUrl'));
let receiver: JsonReceiver;
let url = '';
/** Texts in arrival order, per contact. */
const arrivals = new Map<string, string[]>();
/** Statuses to answer instead of 200, per reply text (consumed one per request). */
const failures = new Map<string, number[]>();

beforeAll(async () => {
  receiver = await startJsonReceiver((body, response) => {
    const to = String(Reflect.get(Object(body), 'to'));
    const text = String(Reflect.get(Object(body), 'text'));
    const failure = failures.get(text)?.shift();
    // A little jitter, so concurrent deliveries would overtake each other if they could.
    setTimeout(() => {
      if (failure !== undefined) {
        response.writeHead(failure).end();
        return;
      }
      arrivals.set(to, [...(arrivals.get(to) ?? []), text]);
      response.writeHead(200).end();
    }, Math.random() * 15);
  });
  url = receiver.url;
});

afterAll(async () => {
  await receiver.close();
  await db.$disconnect();
});

async function queueReplies(fixture: RunnerTestFixture, contact: string, texts: string[]): Promise<Message[]> {
  const messages: Message[] = [];
  for (const [index, text] of texts.entries()) {
    const { message } = await insertOutboundMessage(db, {
      workspaceId: fixture.workspaceId,
      channelId: fixture.channelId,
      sessionId: null,
      contact,
      idempotencyKey: `${contact}:${index}`,
      text,
      payload: { text, buttons: [] },
    });
    messages.push(message);
  }
  return messages;
}

/** A job as the outbound worker runs it: deliver, and while `waiting`, come back later (capped for the test). */
async function runJob(ctx: RunnerContext, messageId: string): Promise<DeliveryResult> {
  for (;;) {
    const result = await deliverOutbound(ctx, { messageId }, { retries: 0 });
    if (result.kind !== 'waiting') return result;
    await new Promise((done) => setTimeout(done, Math.min(Math.max(0, result.until - Date.now()), 100)));
  }
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('ordered delivery per contact', () => {
  it('delivers concurrent jobs of three workers in seq order, each reply once', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow, { outboundUrl: url });
    // Three "workers": separate contexts (and Prisma pools) on the same database; two of them share
    // their claims and "sent" marks between concurrent deliveries (group commit), one does not.
    const batching = (): RunnerContext => {
      const own = createDb(inject('databaseUrl'));
      return { ...fixture.ctx, db: own, outbox: createOutboxBatcher(own) };
    };
    const workers = [fixture.ctx, batching(), batching()];
    try {
      const contacts = [fixture.contact(), fixture.contact(), fixture.contact()];
      const texts = Array.from({ length: 25 }, (_, i) => `reply ${i + 1}`);
      const jobs: { contact: string; message: Message }[] = [];
      for (const contact of contacts) for (const message of await queueReplies(fixture, contact, texts)) jobs.push({ contact, message });

      const results = await Promise.all(shuffled(jobs).map(({ message }, i) => runJob(workers[i % workers.length] as RunnerContext, message.id)));

      expect(results.every((result) => result.kind === 'sent' || result.kind === 'already-sent')).toBe(true);
      for (const contact of contacts) expect(arrivals.get(contact)).toEqual(texts);
      const stored = await db.message.findMany({ where: { channelId: fixture.channelId, direction: 'outbound' } });
      expect(stored.every((message) => message.status === 'sent' && message.attempts === 1 && message.deliveryToken === null)).toBe(true);
    } finally {
      await Promise.all(workers.slice(1).map((worker) => worker.db.$disconnect()));
    }
  });

  it('holds later replies back while an earlier one fails, and sends them after it', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow, { outboundUrl: url });
    const contact = fixture.contact();
    const [first, second, third] = await queueReplies(fixture, contact, ['flaky 1', 'then 2', 'then 3']);
    if (!first || !second || !third) throw new Error('replies not stored');
    failures.set('flaky 1', [503, 503]);

    // The job of the second reply comes first: it tries the head (the first reply), which fails.
    const early = await deliverOutbound(fixture.ctx, { messageId: second.id }, { retries: 0 });
    expect(early.kind).toBe('waiting');
    expect(arrivals.get(contact)).toBeUndefined();
    const head = await db.message.findUniqueOrThrow({ where: { id: first.id } });
    expect(head).toMatchObject({ status: 'pending', attempts: 1, deliveryToken: null });
    expect(head.error).toMatch(/503/);

    const results = await Promise.all([runJob(fixture.ctx, third.id), runJob(fixture.ctx, second.id), runJob(fixture.ctx, first.id)]);
    expect(results.map((result) => result.kind).sort()).toEqual(['already-sent', 'already-sent', 'sent']);
    expect(arrivals.get(contact)).toEqual(['flaky 1', 'then 2', 'then 3']);
    expect((await db.message.findUniqueOrThrow({ where: { id: first.id } })).attempts).toBe(3);
  }, 30_000);

  it('marks a reply refused with 4xx failed at once and goes on with the next', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow, { outboundUrl: url });
    const contact = fixture.contact();
    const [refused, next] = await queueReplies(fixture, contact, ['refused 1', 'fine 2']);
    if (!refused || !next) throw new Error('replies not stored');
    failures.set('refused 1', [422]);
    expect(await runJob(fixture.ctx, next.id)).toEqual({ kind: 'sent', attempts: 1 });
    expect(await runJob(fixture.ctx, refused.id)).toMatchObject({ kind: 'permanent-failure' });
    expect(arrivals.get(contact)).toEqual(['fine 2']);
    expect(await db.message.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('gives a reply up after maxAttempts failed attempts, then sends the next', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow, { outboundUrl: url, ctx: { delivery: { maxAttempts: 2 } } });
    const contact = fixture.contact();
    const [doomed, next] = await queueReplies(fixture, contact, ['doomed 1', 'after 2']);
    if (!doomed || !next) throw new Error('replies not stored');
    failures.set('doomed 1', [500, 500]);
    expect(await runJob(fixture.ctx, next.id)).toEqual({ kind: 'sent', attempts: 1 });
    const failed = await db.message.findUniqueOrThrow({ where: { id: doomed.id } });
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    expect(failed.error).toMatch(/gave up after 2 attempts/);
    expect(arrivals.get(contact)).toEqual(['after 2']);
  }, 30_000);

  it('takes over the head reply of a worker that died holding its lease, once the lease expires', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow, { outboundUrl: url, ctx: { delivery: { leaseMs: 1500 } } });
    const contact = fixture.contact();
    const [orphan, next] = await queueReplies(fixture, contact, ['orphan 1', 'next 2']);
    if (!orphan || !next) throw new Error('replies not stored');
    // A worker claims the head and dies before sending.
    const claim = await claimNextOutbound(db, { channelId: fixture.channelId, contact, token: 'dead-worker', leaseMs: 1500 });
    expect(claim).toMatchObject({ kind: 'claimed', message: { id: orphan.id } });

    const startedAt = Date.now();
    const blocked = await deliverOutbound(fixture.ctx, { messageId: next.id }, { retries: 0 });
    expect(blocked.kind).toBe('waiting');
    await runJob(fixture.ctx, next.id);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
    expect(arrivals.get(contact)).toEqual(['orphan 1', 'next 2']);
    expect(await db.message.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
