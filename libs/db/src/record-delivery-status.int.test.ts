import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { insertOutboundMessage } from './insert-outbound-message';
import { markOutboundSent } from './mark-outbound-sent';
import { recordDeliveryStatus, type DeliveryStatus } from './record-delivery-status';

const db = createDb(inject('databaseUrl'));
let fixture: TestFixture;
beforeAll(async () => {
  fixture = await createTestFixture(db);
});
afterAll(() => db.$disconnect());

/** An outbound reply on the fixture's channel, marked sent with the given (or a fresh) provider message id. */
async function sentReply(on: TestFixture = fixture, providerMessageId = `wamid.${randomUUID()}`) {
  const { message } = await insertOutboundMessage(db, {
    workspaceId: on.workspace.id,
    channelId: on.channel.id,
    sessionId: null,
    contact: '+1',
    idempotencyKey: randomUUID(),
    text: 'reply',
    payload: { text: 'reply' },
  });
  await markOutboundSent(db, message.id, { providerMessageId });
  return { id: message.id, providerMessageId };
}

const at = (second: number): Date => new Date(Date.UTC(2025, 5, 18, 16, 22, second));

function callback(providerMessageId: string, status: DeliveryStatus, second: number) {
  return recordDeliveryStatus(db, { channelId: fixture.channel.id, channelMessageId: providerMessageId, status, at: at(second), recipient: '+1' });
}

async function delivery(id: string) {
  return db.message.findUniqueOrThrow({ where: { id }, select: { status: true, deliveryStatus: true, deliveryStatusAt: true } });
}

describe('recordDeliveryStatus', () => {
  it('applies sent, delivered, read in order and links the event to the message', async () => {
    const reply = await sentReply();
    expect(await delivery(reply.id)).toEqual({ status: 'sent', deliveryStatus: null, deliveryStatusAt: null });

    const sent = await callback(reply.providerMessageId, 'sent', 1);
    expect(sent).toMatchObject({ duplicate: false, messageId: reply.id });
    expect(await delivery(reply.id)).toEqual({ status: 'sent', deliveryStatus: 'sent', deliveryStatusAt: at(1) });
    expect(await callback(reply.providerMessageId, 'delivered', 2)).toMatchObject({ duplicate: false, messageId: reply.id });
    expect(await delivery(reply.id)).toMatchObject({ deliveryStatus: 'delivered', deliveryStatusAt: at(2) });
    expect(await callback(reply.providerMessageId, 'read', 3)).toMatchObject({ duplicate: false, messageId: reply.id });
    expect(await delivery(reply.id)).toMatchObject({ deliveryStatus: 'read', deliveryStatusAt: at(3) });

    const event = await db.analyticsEvent.findUniqueOrThrow({ where: { id: sent?.id ?? '' } });
    expect(event).toMatchObject({ type: 'message.status', workspaceId: fixture.workspace.id, botId: fixture.bot.id });
    expect(event.payload).toEqual({
      channelId: fixture.channel.id,
      channelMessageId: reply.providerMessageId,
      status: 'sent',
      at: at(1).toISOString(),
      recipient: '+1',
      messageId: reply.id,
    });
  });

  it("ignores a 'delivered' that arrives after 'read'; 'failed' does not override 'read' either", async () => {
    const reply = await sentReply();
    await callback(reply.providerMessageId, 'read', 5);
    const late = await callback(reply.providerMessageId, 'delivered', 4);
    expect(late).toMatchObject({ duplicate: false, messageId: reply.id });
    expect(await delivery(reply.id)).toMatchObject({ deliveryStatus: 'read', deliveryStatusAt: at(5) });
    await callback(reply.providerMessageId, 'sent', 3);
    await callback(reply.providerMessageId, 'failed', 6);
    expect(await delivery(reply.id)).toMatchObject({ deliveryStatus: 'read', deliveryStatusAt: at(5) });
    // Every callback is still recorded as an event.
    expect(await db.analyticsEvent.count({ where: { type: 'message.status', payload: { path: ['messageId'], equals: reply.id } } })).toBe(4);
  });

  it("applies 'failed' after 'delivered', and a later 'delivered' or 'sent' does not undo it", async () => {
    const reply = await sentReply();
    await callback(reply.providerMessageId, 'delivered', 2);
    expect(await callback(reply.providerMessageId, 'failed', 7)).toMatchObject({ messageId: reply.id });
    expect(await delivery(reply.id)).toEqual({ status: 'sent', deliveryStatus: 'failed', deliveryStatusAt: at(7) });
    await callback(reply.providerMessageId, 'sent', 8);
    await callback(reply.providerMessageId, 'delivered', 9);
    expect(await delivery(reply.id)).toMatchObject({ deliveryStatus: 'failed', deliveryStatusAt: at(7) });
  });

  it('a duplicate callback changes nothing', async () => {
    const reply = await sentReply();
    const first = await callback(reply.providerMessageId, 'delivered', 2);
    const before = await db.message.findUniqueOrThrow({ where: { id: reply.id } });
    const again = await callback(reply.providerMessageId, 'delivered', 30);
    expect(again).toEqual({ id: first?.id, duplicate: true, messageId: reply.id });
    expect(await db.message.findUniqueOrThrow({ where: { id: reply.id } })).toEqual(before);
    const event = await db.analyticsEvent.findUniqueOrThrow({ where: { id: first?.id ?? '' } });
    expect(event.payload).toMatchObject({ at: at(2).toISOString() });

    const raced = await Promise.all(Array.from({ length: 4 }, () => callback(reply.providerMessageId, 'read', 3)));
    expect(raced.filter((result) => result?.duplicate === false)).toHaveLength(1);
    expect(await delivery(reply.id)).toMatchObject({ deliveryStatus: 'read', deliveryStatusAt: at(3) });
  });

  it('records the event with messageId null for an unknown provider id (or a reply not marked sent yet)', async () => {
    const unknown = `wamid.${randomUUID()}`;
    const result = await callback(unknown, 'failed', 9);
    expect(result).toMatchObject({ duplicate: false, messageId: null });
    const event = await db.analyticsEvent.findUniqueOrThrow({ where: { id: result?.id ?? '' } });
    expect(event.payload).toEqual({ channelId: fixture.channel.id, channelMessageId: unknown, status: 'failed', at: at(9).toISOString(), recipient: '+1' });
  });

  it("matches the provider id within the callback's channel only", async () => {
    const other = await createTestFixture(db);
    const providerMessageId = `wamid.${randomUUID()}`;
    const elsewhere = await sentReply(other, providerMessageId);
    const mine = await sentReply(fixture, providerMessageId);
    expect(await callback(providerMessageId, 'read', 3)).toMatchObject({ messageId: mine.id });
    expect(await delivery(elsewhere.id)).toMatchObject({ deliveryStatus: null });
  });

  it('returns null for an unknown channel', async () => {
    expect(await recordDeliveryStatus(db, { channelId: randomUUID(), channelMessageId: 'wamid.x', status: 'sent', at: at(1) })).toBeNull();
  });
});
