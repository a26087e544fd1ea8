import { randomUUID } from 'node:crypto';
import { createDb, insertInboundMessage } from '@parley/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRunnerTestFixture, echoTestFlow } from './create-runner-test-fixture';
import { processInbox } from './process-inbox';

/**
 * The optional batching window: messages a contact sends in quick succession are
 * answered as one turn. The worker re-runs a deferred job at `deferUntil`; here
 * the test moves the runner's clock instead of waiting.
 */
const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

const windowMs = 2_000;

async function setUp() {
  let offset = 0;
  const fixture = await createRunnerTestFixture(db, echoTestFlow, { ctx: { inboxBatchWindowMs: windowMs, clock: () => Date.now() + offset } });
  const contact = fixture.contact();
  const job = { channelId: fixture.channelId, contact };
  const say = async (text: string): Promise<string> =>
    (await insertInboundMessage(db, { workspaceId: fixture.workspaceId, channelId: fixture.channelId, channelMessageId: randomUUID(), contact, text, payload: { text } })).message.id;
  const replies = async (): Promise<string[]> =>
    (await db.message.findMany({ where: { channelId: fixture.channelId, contact, direction: 'outbound' }, orderBy: { seq: 'asc' } })).map((reply) => reply.text ?? '');
  const unprocessed = () => db.message.count({ where: { channelId: fixture.channelId, contact, direction: 'inbound', status: 'received' } });
  return { ctx: fixture.ctx, job, say, replies, unprocessed, later: (ms: number) => (offset = ms) };
}

describe('inbox batching window', () => {
  it('waits while the contact is still typing, then answers their messages as one turn', async () => {
    const { ctx, job, say, replies, unprocessed, later } = await setUp();
    await say('hi');
    later(windowMs + 500);
    await processInbox(ctx, job);
    expect(await replies()).toEqual(['ready']);

    later(0);
    await say('my order');
    await say('is late');
    const ids = [await say('A-17')];
    const deferred = await processInbox(ctx, job);
    expect(deferred.deferUntil).toBeGreaterThan(Date.now());
    expect(deferred.outboundMessageIds).toEqual([]);
    expect(await unprocessed()).toBe(3);

    later(windowMs + 500);
    const answered = await processInbox(ctx, job);
    expect(answered.deferUntil).toBeUndefined();
    expect(await replies()).toEqual(['ready', 'echo my order\nis late\nA-17']);
    expect(await unprocessed()).toBe(0);
    const last = await db.message.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(last.status).toBe('processed');
  });

  it('answers a contact who keeps typing at most three windows after their first message', async () => {
    const { ctx, job, say, replies, later } = await setUp();
    await say('hi');
    later(windowMs + 500);
    await processInbox(ctx, job);

    const first = await say('one');
    // The first message is older than three windows; the newest was just sent.
    await db.message.update({ where: { id: first }, data: { createdAt: new Date(Date.now() - 3 * windowMs - 100) } });
    await say('two');
    later(0);
    const result = await processInbox(ctx, job);
    expect(result.deferUntil).toBeUndefined();
    expect(await replies()).toEqual(['ready', 'echo one\ntwo']);
  });
});
