import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { insertOutboundMessage } from './insert-outbound-message';
import { markOutboundSent } from './mark-outbound-sent';

const db = createDb(inject('databaseUrl'));
let fixture: TestFixture;
beforeAll(async () => {
  fixture = await createTestFixture(db);
});
afterAll(() => db.$disconnect());

async function pendingReply() {
  const { message } = await insertOutboundMessage(db, {
    workspaceId: fixture.workspace.id,
    channelId: fixture.channel.id,
    sessionId: null,
    contact: '+1',
    idempotencyKey: randomUUID(),
    text: 'reply',
    payload: { text: 'reply' },
  });
  return message;
}

describe('markOutboundSent', () => {
  it("stores the provider's message id; a repeat keeps the first one", async () => {
    const message = await pendingReply();
    const sent = await markOutboundSent(db, message.id, { providerMessageId: 'wamid.first' });
    expect(sent).toMatchObject({ status: 'sent', providerMessageId: 'wamid.first', deliveryStatus: null, deliveryStatusAt: null });
    expect(sent).toEqual(await db.message.findUniqueOrThrow({ where: { id: message.id } }));
    expect(await markOutboundSent(db, message.id, { providerMessageId: 'wamid.second' })).toEqual(sent);
  });

  it('stores null without a provider message id, as before', async () => {
    const first = await pendingReply();
    expect(await markOutboundSent(db, first.id)).toMatchObject({ status: 'sent', providerMessageId: null });
    const second = await pendingReply();
    expect(await markOutboundSent(db, second.id, { providerMessageId: null })).toMatchObject({ status: 'sent', providerMessageId: null });
  });
});
