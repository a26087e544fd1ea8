import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { getMessage } from './get-message';
import { insertOutboundMessage } from './insert-outbound-message';
import { listPendingOutbound } from './list-pending-outbound';
import { markOutboundFailed } from './mark-outbound-failed';
import { markOutboundSent } from './mark-outbound-sent';
import { recordAnalyticsEvent } from './record-analytics-event';
import { recordOutboundAttempt } from './record-outbound-attempt';

const db = createDb(inject('databaseUrl'));
let fixture: TestFixture;
beforeAll(async () => {
  fixture = await createTestFixture(db);
});
afterAll(() => db.$disconnect());

function outbound(idempotencyKey: string, text = 'reply') {
  return {
    workspaceId: fixture.workspace.id,
    channelId: fixture.channel.id,
    sessionId: null,
    contact: '+1',
    idempotencyKey,
    text,
    payload: { text, buttons: [] },
  };
}

describe('outbox', () => {
  it('is idempotent on the key: a repeat returns the stored row', async () => {
    const key = randomUUID();
    const first = await insertOutboundMessage(db, outbound(key, 'one'));
    expect(first.created).toBe(true);
    expect(first.message).toMatchObject({ direction: 'outbound', status: 'pending', attempts: 0, channelMessageId: key, text: 'one' });

    const again = await insertOutboundMessage(db, outbound(key, 'two'));
    expect(again).toEqual({ message: first.message, created: false });

    const raced = await Promise.all(Array.from({ length: 6 }, () => insertOutboundMessage(db, outbound(`${key}-race`))));
    expect(raced.filter((r) => r.created)).toHaveLength(1);
  });

  it('reads back exactly what Prisma Client reads, createdAt from the client clock', async () => {
    const before = Date.now();
    // A server TimeZone other than UTC must not shift the timestamps written.
    const { message } = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL TimeZone = 'Asia/Tokyo'`;
      return insertOutboundMessage(tx, { ...outbound(randomUUID()), sessionId: null, payload: { text: 'x', nested: [1, { a: null }] } });
    });
    expect(Math.abs(message.createdAt.getTime() - before)).toBeLessThan(5_000);
    expect(message.payload).toEqual({ text: 'x', nested: [1, { a: null }] });
    expect(typeof message.seq).toBe('bigint');
    const row = await db.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(message).toEqual(row);
    expect(await getMessage(db, message.id)).toEqual(row);
    const sent = await markOutboundSent(db, message.id);
    expect(sent).toEqual(await db.message.findUniqueOrThrow({ where: { id: message.id } }));
  });

  it('the same key inbound and outbound are different messages', async () => {
    const key = randomUUID();
    await insertOutboundMessage(db, outbound(key));
    expect(await db.message.count({ where: { channelId: fixture.channel.id, channelMessageId: key } })).toBe(1);
  });

  it('tracks delivery: attempts, sent, failed, pending list', async () => {
    const { message } = await insertOutboundMessage(db, outbound(randomUUID()));
    const { message: other } = await insertOutboundMessage(db, outbound(randomUUID()));
    const mine = async () =>
      (await listPendingOutbound(db, 10_000)).filter((m) => m.channelId === fixture.channel.id).map((m) => m.id);
    expect(await mine()).toEqual(expect.arrayContaining([message.id, other.id]));

    expect((await recordOutboundAttempt(db, message.id))?.attempts).toBe(1);
    expect((await recordOutboundAttempt(db, message.id))?.attempts).toBe(2);

    const sent = await markOutboundSent(db, message.id);
    expect(sent).toMatchObject({ status: 'sent', error: null });
    expect(sent?.sentAt).toBeInstanceOf(Date);
    expect(await markOutboundSent(db, message.id)).toEqual(sent);
    // A late failure never overrides a delivery.
    expect(await markOutboundFailed(db, message.id, 'late')).toEqual(sent);

    expect(await markOutboundFailed(db, other.id, 'receiver answered 404')).toMatchObject({ status: 'failed', error: 'receiver answered 404' });
    expect(await mine()).not.toContain(message.id);
    expect(await mine()).not.toContain(other.id);
    expect(await getMessage(db, other.id)).toMatchObject({ status: 'failed' });

    const missing = randomUUID();
    expect(await getMessage(db, missing)).toBeNull();
    expect(await markOutboundSent(db, missing)).toBeNull();
    expect(await markOutboundFailed(db, missing, 'x')).toBeNull();
    expect(await recordOutboundAttempt(db, missing)).toBeNull();
  });

  it('lists pending outbound oldest first, at most limit', async () => {
    const first = await listPendingOutbound(db, 2);
    expect(first.length).toBeLessThanOrEqual(2);
    const all = await listPendingOutbound(db, 10_000);
    expect(all.map((m) => m.seq)).toEqual([...all.map((m) => m.seq)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('records analytics events', async () => {
    const event = await recordAnalyticsEvent(db, { workspaceId: fixture.workspace.id, botId: fixture.bot.id, type: 'session.started', payload: { n: 1 } });
    expect(event).toMatchObject({ type: 'session.started', payload: { n: 1 }, sessionId: null, botId: fixture.bot.id });
  });
});
