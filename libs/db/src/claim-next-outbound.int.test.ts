import { afterAll, describe, expect, inject, it } from 'vitest';
import { claimNextOutbound, claimNextOutbounds } from './claim-next-outbound';
import { createDb } from './create-db';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { insertOutboundMessage, insertOutboundMessages } from './insert-outbound-message';
import { markOutboundFailed } from './mark-outbound-failed';
import { markOutboundSent, markOutboundSentMany } from './mark-outbound-sent';
import { releaseOutboundLease, renewOutboundLease } from './outbound-lease';
import type { Message } from './to-message';

const db = createDb(inject('databaseUrl'));

afterAll(async () => {
  await db.$disconnect();
});

async function queue(fixture: TestFixture, contact: string, count: number): Promise<Message[]> {
  const messages: Message[] = [];
  for (let i = 0; i < count; i++) {
    const { message } = await insertOutboundMessage(db, {
      workspaceId: fixture.workspace.id,
      channelId: fixture.channel.id,
      sessionId: null,
      contact,
      idempotencyKey: `${contact}:${i}`,
      text: `reply ${i}`,
      payload: {},
    });
    messages.push(message);
  }
  return messages;
}

describe('claimNextOutbound', () => {
  it('leases only the contact’s earliest pending reply, and the next one only after it is settled', async () => {
    const fixture = await createTestFixture(db);
    const [first, second, third] = await queue(fixture, 'ana', 3);
    await queue(fixture, 'bob', 1);
    const input = { channelId: fixture.channel.id, contact: 'ana', leaseMs: 60_000 };

    const claim = await claimNextOutbound(db, { ...input, token: 't1' });
    expect(claim).toMatchObject({ kind: 'claimed', message: { id: first?.id, attempts: 1, deliveryToken: 't1' } });
    const others = await db.message.findMany({ where: { id: { in: [second?.id ?? '', third?.id ?? ''] } } });
    expect(others.map((message) => [message.attempts, message.deliveryToken])).toEqual([
      [0, null],
      [0, null],
    ]);
    expect(await claimNextOutbound(db, { ...input, token: 't2' })).toMatchObject({ kind: 'busy', messageId: first?.id, inFlight: true });
    // Another contact is not held back.
    expect(await claimNextOutbound(db, { ...input, contact: 'bob', token: 'b1' })).toMatchObject({ kind: 'claimed' });

    expect(await renewOutboundLease(db, first?.id ?? '', 't1', 60_000)).toBe(true);
    expect(await renewOutboundLease(db, first?.id ?? '', 'not-mine', 60_000)).toBe(false);
    await markOutboundSent(db, first?.id ?? '');
    expect(await claimNextOutbound(db, { ...input, token: 't3' })).toMatchObject({ kind: 'claimed', message: { id: second?.id } });

    // A failed attempt backs off: the reply and the ones after it wait, not in flight.
    expect(await releaseOutboundLease(db, second?.id ?? '', 't3', 'receiver answered 503', 60_000)).toBe(true);
    expect(await claimNextOutbound(db, { ...input, token: 't4' })).toMatchObject({ kind: 'busy', messageId: second?.id, inFlight: false });
    await markOutboundFailed(db, second?.id ?? '', 'gave up');
    expect(await claimNextOutbound(db, { ...input, token: 't5' })).toMatchObject({ kind: 'claimed', message: { id: third?.id } });
    await markOutboundSent(db, third?.id ?? '');
    expect(await claimNextOutbound(db, { ...input, token: 't6' })).toEqual({ kind: 'idle' });
  });

  it('stores a reply already claimed when its writer asks and the contact has nothing pending; behind a pending one it waits its turn', async () => {
    const fixture = await createTestFixture(db);
    const reply = (contact: string, key: string, lease?: { token: string; leaseMs: number }) => ({
      workspaceId: fixture.workspace.id,
      channelId: fixture.channel.id,
      sessionId: null,
      contact,
      idempotencyKey: key,
      text: key,
      payload: {},
      ...(lease ? { lease } : {}),
    });
    const [leased, plain] = await insertOutboundMessages(db, [reply('ana', 'a1', { token: 'turn-1', leaseMs: 60_000 }), reply('bob', 'b1')]);
    expect(leased?.message).toMatchObject({ status: 'pending', attempts: 1, deliveryToken: 'turn-1' });
    expect(leased?.message.deliveryLockedUntil?.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(plain?.message).toMatchObject({ status: 'pending', attempts: 0, deliveryToken: null, deliveryLockedUntil: null });
    const input = { channelId: fixture.channel.id, contact: 'ana', leaseMs: 60_000 };
    // Held by its writer: every other claimer finds it in flight.
    expect(await claimNextOutbound(db, { ...input, token: 'other' })).toMatchObject({ kind: 'busy', messageId: leased?.message.id, inFlight: true });

    // Behind ana's pending a1, a later reply asking for a lease is stored unclaimed.
    const [behind] = await insertOutboundMessages(db, [reply('ana', 'a2', { token: 'turn-2', leaseMs: 60_000 })]);
    expect(behind?.message).toMatchObject({ attempts: 0, deliveryToken: null });
    expect(await renewOutboundLease(db, leased?.message.id ?? '', 'turn-1', 60_000)).toBe(true);
    await markOutboundSent(db, leased?.message.id ?? '');
    expect(await claimNextOutbound(db, { ...input, token: 't3' })).toMatchObject({ kind: 'claimed', message: { id: behind?.message.id, attempts: 1 } });
  });

  it('gives the head to exactly one of many concurrent claimers', async () => {
    const fixture = await createTestFixture(db);
    await queue(fixture, 'carla', 5);
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) => claimNextOutbound(db, { channelId: fixture.channel.id, contact: 'carla', token: `t${i}`, leaseMs: 60_000 })),
    );
    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
    expect(await db.message.count({ where: { channelId: fixture.channel.id, deliveryToken: { not: null } } })).toBe(1);
  });

  it('lets a reply be claimed again once its lease expired (its worker died)', async () => {
    const fixture = await createTestFixture(db);
    const [only] = await queue(fixture, 'dan', 1);
    await claimNextOutbound(db, { channelId: fixture.channel.id, contact: 'dan', token: 'dead', leaseMs: 200 });
    await new Promise((done) => setTimeout(done, 300));
    expect(await claimNextOutbound(db, { channelId: fixture.channel.id, contact: 'dan', token: 'alive', leaseMs: 60_000 })).toMatchObject({
      kind: 'claimed',
      message: { id: only?.id, attempts: 2, deliveryToken: 'alive' },
    });
  });

  it('claims for many contacts in one statement, by the same rules (claimNextOutbounds)', async () => {
    const fixture = await createTestFixture(db);
    const [ana1, ana2] = await queue(fixture, 'ana', 2);
    const [bob1] = await queue(fixture, 'bob', 1);
    const [cid1] = await queue(fixture, 'cid', 1);
    const [dan1] = await queue(fixture, 'dan', 1);
    const at = (contact: string, token: string) => ({ channelId: fixture.channel.id, contact, token, leaseMs: 60_000 });
    expect(await claimNextOutbound(db, at('cid', 'elsewhere'))).toMatchObject({ kind: 'claimed' });
    await claimNextOutbound(db, at('dan', 'failed-once'));
    await releaseOutboundLease(db, dan1?.id ?? '', 'failed-once', 'receiver answered 503', 60_000);

    const claims = await claimNextOutbounds(db, [at('ana', 'a1'), at('bob', 'b1'), at('ana', 'a2'), at('cid', 'c1'), at('dan', 'd1'), at('eve', 'e1')]);
    expect(claims).toMatchObject([
      { kind: 'claimed', message: { id: ana1?.id, deliveryToken: 'a1', attempts: 1 } },
      { kind: 'claimed', message: { id: bob1?.id, deliveryToken: 'b1' } },
      // The same contact twice: the first input holds its head, the second finds it in flight.
      { kind: 'busy', messageId: ana1?.id, inFlight: true },
      { kind: 'busy', messageId: cid1?.id, inFlight: true },
      // Backing off after a failed attempt: busy, not in flight.
      { kind: 'busy', messageId: dan1?.id, inFlight: false },
      { kind: 'idle' },
    ]);
    // Never a later reply before an earlier one.
    expect((await db.message.findUniqueOrThrow({ where: { id: ana2?.id ?? '' } })).deliveryToken).toBeNull();

    // Marks in one statement; a repeated mark keeps the first provider id.
    await markOutboundSentMany(db, [
      { id: ana1?.id ?? '', providerMessageId: 'wamid.1' },
      { id: bob1?.id ?? '', providerMessageId: null },
    ]);
    await markOutboundSentMany(db, [{ id: ana1?.id ?? '', providerMessageId: 'wamid.again' }]);
    const sent = await db.message.findMany({ where: { id: { in: [ana1?.id ?? '', bob1?.id ?? ''] } }, orderBy: { seq: 'asc' } });
    expect(sent.map((row) => [row.status, row.providerMessageId, row.deliveryToken])).toEqual([
      ['sent', 'wamid.1', null],
      ['sent', null, null],
    ]);
    expect(await claimNextOutbounds(db, [at('ana', 'a3')])).toMatchObject([{ kind: 'claimed', message: { id: ana2?.id } }]);
  });
});
