import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { armSessionTimers } from './arm-session-timer';
import { createDb } from './create-db';
import { createSession } from './create-session';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { findActiveSessions } from './find-active-session';
import { insertOutboundMessages } from './insert-outbound-message';
import { sqlClientOf, withSqlTransaction, type SqlClient } from './sql-client';
import { toMessage } from './to-message';
import { toSession } from './to-session';

/**
 * The pg-backed SQL client runs the hot-path statements without Prisma; what it
 * writes and reads must be exactly what Prisma writes and reads.
 */
const db = createDb(inject('databaseUrl'));
let fixture: TestFixture;
beforeAll(async () => {
  fixture = await createTestFixture(db);
});
afterAll(() => db.$disconnect());

describe('sqlClientOf / withSqlTransaction', () => {
  it('reads rows as Prisma does: Dates in UTC, bigint seq, parsed JSON', async () => {
    const [stored] = await insertOutboundMessages(sqlClientOf(db), [
      {
        workspaceId: fixture.workspace.id,
        channelId: fixture.channel.id,
        sessionId: null,
        contact: '+15550001',
        idempotencyKey: 'sql-client-1',
        text: 'héllo',
        payload: { text: 'héllo', buttons: [{ label: 'Yes' }] },
      },
    ]);
    const viaPrisma = toMessage(await db.message.findUniqueOrThrow({ where: { id: stored?.message.id ?? '' } }));
    expect(stored).toEqual({ message: viaPrisma, created: true });
    expect(typeof stored?.message.seq).toBe('bigint');
    expect(stored?.message.createdAt).toBeInstanceOf(Date);
  });

  it('writes Dates as Prisma does (UTC), whatever the process time zone', async () => {
    const session = await createSession(db, {
      workspaceId: fixture.workspace.id,
      botId: fixture.bot.id,
      botVersionId: fixture.version.id,
      channelId: fixture.channel.id,
      contact: '+15550002',
      state: {},
    });
    const dueAt = new Date('2026-11-24T23:30:00.123Z');
    await armSessionTimers(sqlClientOf(db), [{ sessionId: session.id, timerId: '1:reply-timeout', kind: 'reply-timeout', dueAt, channelId: fixture.channel.id, contact: '+15550002' }]);
    const timer = await db.sessionTimer.findUniqueOrThrow({ where: { sessionId_timerId: { sessionId: session.id, timerId: '1:reply-timeout' } } });
    expect(timer.dueAt.toISOString()).toBe(dueAt.toISOString());

    const [found] = await withSqlTransaction(db, (tx) => findActiveSessions(tx, [{ channelId: fixture.channel.id, contact: '+15550002' }]));
    expect(found).toEqual(toSession(await db.session.findUniqueOrThrow({ where: { id: session.id } })));
  });

  it('commits what the function wrote when it resolves, and nothing when it throws', async () => {
    const insert = (key: string) => (tx: SqlClient) =>
      insertOutboundMessages(tx, [
        { workspaceId: fixture.workspace.id, channelId: fixture.channel.id, sessionId: null, contact: '+15550003', idempotencyKey: key, text: key, payload: {} },
      ]);
    await withSqlTransaction(db, insert('kept'));
    await expect(
      withSqlTransaction(db, async (tx) => {
        await insert('rolled-back')(tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const texts = (await db.message.findMany({ where: { channelId: fixture.channel.id, contact: '+15550003' } })).map((row) => row.text);
    expect(texts).toEqual(['kept']);
    // The connection went back to the pool in a clean state: the pool still serves transactions.
    await expect(withSqlTransaction(db, async (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)).resolves.toEqual([{ one: 1 }]);
  });

  it('cancels a statement that runs longer than the timeout, and rolls the transaction back', async () => {
    const startedAt = Date.now();
    await expect(
      withSqlTransaction(db, async (tx) => tx.$queryRaw`SELECT pg_sleep(5)`, { statementTimeoutMs: 200 }),
    ).rejects.toThrow(/statement timeout/);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    // The setting ended with the transaction: the next one on the pool runs long statements.
    await expect(withSqlTransaction(db, async (tx) => tx.$queryRaw<{ slept: string }[]>`SELECT pg_sleep(0.3)::text AS slept`)).resolves.toEqual([{ slept: '' }]);
  });
});
