import { randomUUID } from 'node:crypto';
import { claimNextOutbound, createDb, insertOutboundMessage, insertOutboundMessages } from '@parley/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRunnerTestFixture, echoTestFlow, type RunnerTestFixture } from './create-runner-test-fixture';
import { deliverRepliesNow } from './deliver-replies-now';
import { startJsonReceiver, type JsonReceiver } from './testing/start-json-receiver';

/**
 * A turn's replies delivered by the job that produced them: in order, each once,
 * and handed back for the queue whenever delivery has to wait.
 */
const db = createDb(inject('databaseUrl'));
let receiver: JsonReceiver;
let receiverUrl = '';
/** Texts received, in arrival order; the receiver answers `status` (204 unless a test changes it). */
const received: string[] = [];
let status = 204;

beforeAll(async () => {
  receiver = await startJsonReceiver((body, response) => {
    const text = typeof body === 'object' && body !== null ? Reflect.get(body, 'text') : undefined;
    if (status < 300) received.push(typeof text === 'string' ? text : '?');
    response.writeHead(status).end();
  });
  receiverUrl = receiver.url;
});
afterAll(async () => {
  await receiver.close();
  await db.$disconnect();
});

async function storeReplies(fixture: RunnerTestFixture, contact: string, texts: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const text of texts) {
    const { message } = await insertOutboundMessage(db, {
      workspaceId: fixture.workspaceId,
      channelId: fixture.channelId,
      sessionId: null,
      contact,
      idempotencyKey: randomUUID(),
      text,
      payload: { text, buttons: [] },
    });
    ids.push(message.id);
  }
  return ids;
}

async function statuses(ids: string[]): Promise<string[]> {
  const rows = await db.message.findMany({ where: { id: { in: ids } }, orderBy: { seq: 'asc' } });
  return rows.map((row) => row.status);
}

describe('deliverRepliesNow', () => {
  it('sends the replies in order, each once, and leaves nothing for the queue', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow, { outboundUrl: receiverUrl });
    const contact = fixture.contact();
    const ids = await storeReplies(fixture, contact, ['first', 'second', 'third']);
    received.length = 0;

    expect(await deliverRepliesNow(fixture.ctx, { channelId: fixture.channelId, contact }, ids)).toEqual([]);
    expect(received).toEqual(['first', 'second', 'third']);
    expect(await statuses(ids)).toEqual(['sent', 'sent', 'sent']);

    // Asked again (a repeated job): nothing is sent twice.
    expect(await deliverRepliesNow(fixture.ctx, { channelId: fixture.channelId, contact }, ids)).toEqual([]);
    expect(received).toEqual(['first', 'second', 'third']);
  });

  it('sends a reply its turn stored already claimed without claiming it again, then the later ones', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow, { outboundUrl: receiverUrl });
    const contact = fixture.contact();
    const reply = (text: string) => ({ workspaceId: fixture.workspaceId, channelId: fixture.channelId, sessionId: null, contact, idempotencyKey: randomUUID(), text, payload: { text, buttons: [] } });
    const stored = await insertOutboundMessages(db, [{ ...reply('one'), lease: { token: 'this-turn', leaseMs: 30_000 } }, reply('two')]);
    const [held] = stored;
    const ids = stored.map((each) => each.message.id);
    received.length = 0;

    expect(await deliverRepliesNow(fixture.ctx, { channelId: fixture.channelId, contact }, ids, held?.message)).toEqual([]);
    expect(received).toEqual(['one', 'two']);
    const rows = await db.message.findMany({ where: { id: { in: ids } }, orderBy: { seq: 'asc' } });
    // One attempt each: the held reply's lease was its only claim.
    expect(rows.map((row) => [row.status, row.attempts, row.deliveryToken])).toEqual([
      ['sent', 1, null],
      ['sent', 1, null],
    ]);
  });

  it('hands every reply to the queue while an earlier reply of the contact is in flight elsewhere', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow, { outboundUrl: receiverUrl });
    const contact = fixture.contact();
    const [earlier = ''] = await storeReplies(fixture, contact, ['earlier']);
    const claim = await claimNextOutbound(db, { channelId: fixture.channelId, contact, token: 'other-worker', leaseMs: 30_000 });
    expect(claim).toMatchObject({ kind: 'claimed', message: { id: earlier } });
    const ids = await storeReplies(fixture, contact, ['later']);
    received.length = 0;

    expect(await deliverRepliesNow(fixture.ctx, { channelId: fixture.channelId, contact }, ids)).toEqual(ids);
    expect(received).toEqual([]);
    expect(await statuses(ids)).toEqual(['pending']);
  });

  it('hands the replies to the queue when the channel fails, keeping the attempt', async () => {
    const fixture = await createRunnerTestFixture(db, echoTestFlow, { outboundUrl: receiverUrl, ctx: { delivery: { maxAttempts: 3 } } });
    const contact = fixture.contact();
    const ids = await storeReplies(fixture, contact, ['one', 'two']);
    status = 400;
    try {
      // A permanent refusal of the first: it is failed for good, and the second goes on its own (also refused).
      expect(await deliverRepliesNow(fixture.ctx, { channelId: fixture.channelId, contact }, ids)).toEqual([]);
      expect(await statuses(ids)).toEqual(['failed', 'failed']);
      const retried = await storeReplies(fixture, contact, ['three']);
      status = 503;
      expect(await deliverRepliesNow(fixture.ctx, { channelId: fixture.channelId, contact }, retried)).toEqual(retried);
      const [row] = await db.message.findMany({ where: { id: { in: retried } } });
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    } finally {
      status = 204;
    }
  });
});
