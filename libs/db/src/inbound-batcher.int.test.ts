import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { createInboundBatcher } from './inbound-batcher';
import { listUnprocessedInbound } from './list-unprocessed-inbound';

const db = createDb(inject('databaseUrl'));
let fixture: TestFixture;
beforeAll(async () => {
  fixture = await createTestFixture(db);
});
afterAll(() => db.$disconnect());

function inbound(contact: string, channelMessageId: string, text: string) {
  return { workspaceId: fixture.workspace.id, channelId: fixture.channel.id, channelMessageId, contact, text, payload: { text } };
}

describe('inbound batcher (group commit at the ingress)', () => {
  it('writes messages that arrive during an insert together, in arrival order, each acknowledged with its own row', async () => {
    const batcher = createInboundBatcher(db, { maxInFlight: 1 });
    const contact = `+${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 40 }, (_, n) => batcher.insert(inbound(contact, `${contact}-${n}`, `m${n}`))));

    expect(results.map((result) => result.message.text)).toEqual(Array.from({ length: 40 }, (_, n) => `m${n}`));
    expect(results.every((result) => !result.duplicate && result.message.status === 'received')).toBe(true);
    expect(new Set(results.map((result) => result.message.id)).size).toBe(40);
    // The first went alone; the 39 that queued behind it were one statement (one transaction: one now()).
    expect(new Set(results.slice(1).map((result) => result.message.createdAt.getTime())).size).toBe(1);
    expect(results[0]?.message.createdAt.getTime()).not.toBe(results[1]?.message.createdAt.getTime());
    // The contact's messages are handled in arrival order.
    expect((await listUnprocessedInbound(db, fixture.channel.id, contact)).map((message) => message.text)).toEqual(
      results.map((result) => result.message.text),
    );
  });

  it('stores a message repeated inside one batch once and reports the later copies as duplicates', async () => {
    const batcher = createInboundBatcher(db, { maxInFlight: 1 });
    const contact = `+${randomUUID()}`;
    const stored = await batcher.insert(inbound(contact, `${contact}-old`, 'earlier'));
    const [blocker, first, repeat, older] = await Promise.all([
      batcher.insert(inbound(contact, `${contact}-a`, 'a')),
      batcher.insert(inbound(contact, `${contact}-b`, 'b')),
      batcher.insert(inbound(contact, `${contact}-b`, 'b again')),
      batcher.insert(inbound(contact, `${contact}-old`, 'earlier, retried')),
    ]);
    expect(blocker?.duplicate).toBe(false);
    expect(first).toMatchObject({ duplicate: false, message: { text: 'b' } });
    expect(repeat).toEqual({ duplicate: true, message: first?.message });
    expect(older).toEqual({ duplicate: true, message: stored.message });
    expect(await db.message.count({ where: { channelId: fixture.channel.id, contact } })).toBe(3);
  });

  it('fails only the message Postgres refuses, not the others written with it', async () => {
    const batcher = createInboundBatcher(db, { maxInFlight: 1 });
    const contact = `+${randomUUID()}`;
    const outcomes = await Promise.allSettled([
      batcher.insert(inbound(contact, `${contact}-1`, 'first')),
      batcher.insert(inbound(contact, `${contact}-2`, 'second')),
      // Violates the workspace foreign key.
      batcher.insert({ ...inbound(contact, `${contact}-3`, 'third'), workspaceId: 'no-such-workspace' }),
      batcher.insert(inbound(contact, `${contact}-4`, 'fourth')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await listUnprocessedInbound(db, fixture.channel.id, contact)).map((message) => message.text)).toEqual(['first', 'second', 'fourth']);
  });
});
