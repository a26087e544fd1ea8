import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { insertInboundMessage } from './insert-inbound-message';
import { listContactsWithUnprocessedInbound } from './list-contacts-with-unprocessed-inbound';
import { listUnprocessedInbound } from './list-unprocessed-inbound';
import { markInboundProcessed } from './mark-inbound-processed';

const db = createDb(inject('databaseUrl'));
let fixture: TestFixture;
beforeAll(async () => {
  fixture = await createTestFixture(db);
});
afterAll(() => db.$disconnect());

function inbound(contact: string, channelMessageId: string, text = 'hi') {
  return {
    workspaceId: fixture.workspace.id,
    channelId: fixture.channel.id,
    channelMessageId,
    contact,
    text,
    payload: { text },
  };
}

describe('inbox', () => {
  it('stores a repeated channel message id once and reports the duplicate', async () => {
    const first = await insertInboundMessage(db, inbound('+1', 'wamid.1', 'hello'));
    expect(first.duplicate).toBe(false);
    expect(first.message).toMatchObject({ direction: 'inbound', status: 'received', text: 'hello', attempts: 0, sessionId: null });

    const again = await insertInboundMessage(db, inbound('+1', 'wamid.1', 'changed text'));
    expect(again).toEqual({ message: first.message, duplicate: true });
    expect(await db.message.count({ where: { channelId: fixture.channel.id, channelMessageId: 'wamid.1' } })).toBe(1);
  });

  it('keeps a message with NUL characters, which Postgres cannot store, as U+FFFD', async () => {
    const { message } = await insertInboundMessage(db, { ...inbound('+3', `nul-${randomUUID()}`, 'a\u0000b'), payload: { text: 'a\u0000b', ['k\u0000']: ['\u0000'] } });
    expect(message.text).toBe('a\uFFFDb');
    expect(message.payload).toEqual({ text: 'a\uFFFDb', ['k\uFFFD']: ['\uFFFD'] });
  });

  it('is race-safe: concurrent deliveries of one message store it once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => insertInboundMessage(db, inbound('+2', 'race-1'))));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
  });

  it('lists a contact’s unprocessed messages in arrival order and marks them processed', async () => {
    const contact = `+${randomUUID()}`;
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await insertInboundMessage(db, inbound(contact, `${contact}-${n}`, `m${n}`))).message.id);
    await insertInboundMessage(db, inbound(`${contact}-other`, `${contact}-x`));

    const pending = await listUnprocessedInbound(db, fixture.channel.id, contact);
    expect(pending.map((m) => m.id)).toEqual(ids);
    expect(pending.map((m) => m.text)).toEqual(['m1', 'm2', 'm3']);
    expect(pending[0]!.seq < pending[1]!.seq).toBe(true);

    const contacts = await listContactsWithUnprocessedInbound(db, 10_000);
    expect(contacts).toContainEqual({ channelId: fixture.channel.id, contact, workspaceId: fixture.workspace.id, firstMessageId: ids[0] });
    // A reconciler's light run passes a cut-off: messages stored after it are left to their job.
    const storedAt = (await db.message.findUniqueOrThrow({ where: { id: ids[0]! } })).createdAt;
    expect(await listContactsWithUnprocessedInbound(db, 10_000, new Date(storedAt.getTime() + 1))).toContainEqual(expect.objectContaining({ contact }));
    expect(await listContactsWithUnprocessedInbound(db, 10_000, storedAt)).not.toContainEqual(expect.objectContaining({ contact }));

    expect(await markInboundProcessed(db, ids.slice(0, 2), null)).toBe(2);
    expect(await markInboundProcessed(db, ids.slice(0, 2), null)).toBe(0);
    expect((await listUnprocessedInbound(db, fixture.channel.id, contact)).map((m) => m.id)).toEqual([ids[2]]);
    const done = await db.message.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(done.status).toBe('processed');
    expect(done.processedAt).toBeInstanceOf(Date);
    expect(done.sessionId).toBeNull();
    expect(await markInboundProcessed(db, [], null)).toBe(0);
    expect(await listContactsWithUnprocessedInbound(db, 10_000)).toContainEqual({
      channelId: fixture.channel.id,
      contact,
      workspaceId: fixture.workspace.id,
      firstMessageId: ids[2],
    });
  });
});
