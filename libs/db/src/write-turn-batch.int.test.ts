import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createSession } from './create-session';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { markOutboundSent } from './mark-outbound-sent';
import { StaleSessionError } from './stale-session-error';
import { withSqlTransaction } from './sql-client';
import { writeTurnBatch } from './write-turn-batch';

const db = createDb(inject('databaseUrl'));
let fixture: TestFixture;
beforeAll(async () => {
  fixture = await createTestFixture(db);
});
afterAll(() => db.$disconnect());

async function session(contact: string) {
  return createSession(db, { workspaceId: fixture.workspace.id, botId: fixture.bot.id, botVersionId: fixture.version.id, channelId: fixture.channel.id, contact, state: { n: 0 } });
}

function reply(contact: string, sessionId: string, key: string) {
  return { workspaceId: fixture.workspace.id, channelId: fixture.channel.id, sessionId, contact, idempotencyKey: key, text: key, payload: { text: key } };
}

describe('writeTurnBatch', () => {
  it('writes replies, timers, sessions and processed messages of many sessions in one statement', async () => {
    const [a, b] = [await session('+1000'), await session('+1001')];
    const expiresAt = new Date('2026-12-01T10:00:00.000Z');
    const { replies: stored } = await withSqlTransaction(db, (tx) =>
      writeTurnBatch(tx, {
        replies: [reply('+1000', a.id, `${a.id}:1`), reply('+1000', a.id, `${a.id}:2`), reply('+1001', b.id, `${b.id}:1`)],
        armed: [{ sessionId: b.id, timerId: '1:reply-timeout', kind: 'reply-timeout', dueAt: expiresAt, channelId: fixture.channel.id, contact: '+1001' }],
        cancelled: [],
        sessions: [
          { id: a.id, expectedVersion: 0, state: { n: 1 }, expiresAt },
          { id: b.id, expectedVersion: 0, state: { n: 2 }, expiresAt: null },
        ],
        processed: [],
      }),
    );
    expect(stored.every((each) => each.pending)).toBe(true);
    const rows = await db.message.findMany({ where: { id: { in: stored.map((each) => each.id) } }, orderBy: { seq: 'asc' } });
    expect(rows.map((row) => row.text)).toEqual([`${a.id}:1`, `${a.id}:2`, `${b.id}:1`]);
    expect(await db.session.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ version: 1, state: { n: 1 }, expiresAt });
    expect(await db.sessionTimer.count({ where: { sessionId: b.id, status: 'pending' } })).toBe(1);

    // The same replies again (a repeated turn): found, not stored twice; one already sent is not pending.
    await markOutboundSent(db, stored[0]?.id ?? '');
    const again = await withSqlTransaction(db, (tx) =>
      writeTurnBatch(tx, {
        replies: [reply('+1000', a.id, `${a.id}:1`), reply('+1000', a.id, `${a.id}:2`)],
        armed: [],
        cancelled: [{ sessionId: b.id, timerId: '1:reply-timeout' }],
        sessions: [],
        processed: [],
      }),
    );
    expect(again.replies).toEqual([
      { id: stored[0]?.id, pending: false },
      { id: stored[1]?.id, pending: true },
    ]);
    expect(await db.sessionTimer.count({ where: { sessionId: b.id, status: 'cancelled' } })).toBe(1);
  });

  it('refuses the whole batch when a session moved on, and the transaction writes nothing', async () => {
    const [a, b] = [await session('+2000'), await session('+2001')];
    await db.session.update({ where: { id: b.id }, data: { version: 5 } });
    await expect(
      withSqlTransaction(db, (tx) =>
        writeTurnBatch(tx, {
          replies: [reply('+2000', a.id, `${a.id}:1`)],
          armed: [],
          cancelled: [],
          sessions: [
            { id: a.id, expectedVersion: 0, state: { n: 1 }, expiresAt: null },
            { id: b.id, expectedVersion: 0, state: { n: 1 }, expiresAt: null },
          ],
          processed: [],
        }),
      ),
    ).rejects.toBeInstanceOf(StaleSessionError);
    expect(await db.message.count({ where: { sessionId: a.id } })).toBe(0);
    expect((await db.session.findUniqueOrThrow({ where: { id: a.id } })).version).toBe(0);
  });

  it('ends sessions, cancelling their pending timers, and records events and person attributes', async () => {
    const a = await session('+3000');
    await withSqlTransaction(db, (tx) =>
      writeTurnBatch(tx, {
        replies: [],
        armed: [{ sessionId: a.id, timerId: '1:delay', kind: 'delay', dueAt: new Date(), channelId: fixture.channel.id, contact: '+3000' }],
        cancelled: [],
        sessions: [],
        processed: [],
      }),
    );
    const who = { workspaceId: fixture.workspace.id, contact: { type: 'phone' as const, value: '+3000' } };
    const first = await withSqlTransaction(db, (tx) =>
      writeTurnBatch(tx, {
        replies: [],
        armed: [],
        cancelled: [],
        sessions: [{ id: a.id, expectedVersion: 0, state: { n: 1 }, expiresAt: new Date(), status: 'closed' }],
        processed: [],
        ended: [a.id],
        events: [{ workspaceId: fixture.workspace.id, sessionId: a.id, type: 'session.closed', payload: { turn: 1 } }],
        persons: [{ ...who, attributes: { plan: 'gold' } }],
      }),
    );
    expect(first.cancelledTimers).toEqual([{ sessionId: a.id, timerId: '1:delay' }]);
    expect(await db.session.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: 'closed', activeKey: null, expiresAt: null, version: 1 });
    expect(await db.analyticsEvent.count({ where: { sessionId: a.id, type: 'session.closed' } })).toBe(1);
    // A second write merges into the profile it created.
    await withSqlTransaction(db, (tx) =>
      writeTurnBatch(tx, { replies: [], armed: [], cancelled: [], sessions: [], processed: [], persons: [{ ...who, attributes: { city: 'Split' } }] }),
    );
    expect((await db.person.findFirstOrThrow({ where: { workspaceId: fixture.workspace.id, phone: '+3000' } })).attributes).toEqual({ plan: 'gold', city: 'Split' });
  });
});
