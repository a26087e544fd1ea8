import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { armSessionTimer } from './arm-session-timer';
import { cancelPendingSessionTimers, cancelSessionTimer } from './cancel-session-timer';
import { createDb } from './create-db';
import { createSession } from './create-session';
import { createTestFixture, type TestFixture } from './create-test-fixture';

const db = createDb(inject('databaseUrl'));
let fixture: TestFixture;
beforeAll(async () => {
  fixture = await createTestFixture(db);
});
afterAll(() => db.$disconnect());

async function startSession() {
  const contact = randomUUID();
  const session = await createSession(db, {
    workspaceId: fixture.workspace.id,
    botId: fixture.bot.id,
    botVersionId: fixture.version.id,
    channelId: fixture.channel.id,
    contact,
    state: {},
  });
  const arm = (timerId: string, dueAt = new Date('2030-01-02T03:04:05.678Z')) =>
    armSessionTimer(db, { sessionId: session.id, timerId, kind: 'delay', dueAt, channelId: fixture.channel.id, contact });
  return { session, contact, arm };
}

describe('session timers', () => {
  it('arms a timer once per (session, timerId), with id and createdAt filled', async () => {
    const { session, contact, arm } = await startSession();
    const before = Date.now();
    await arm('1:delay');
    await arm('1:delay', new Date('2031-01-01T00:00:00.000Z'));
    const rows = await db.sessionTimer.findMany({ where: { sessionId: session.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      timerId: '1:delay',
      kind: 'delay',
      dueAt: new Date('2030-01-02T03:04:05.678Z'),
      channelId: fixture.channel.id,
      contact,
      status: 'pending',
      settledAt: null,
    });
    expect(rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    // Written from the client clock, so independent of the server's TimeZone.
    expect(Math.abs((rows[0]?.createdAt.getTime() ?? 0) - before)).toBeLessThan(5_000);
  });

  it('cancels one pending timer, then every pending one of the session', async () => {
    const { session, arm } = await startSession();
    await arm('1:delay');
    await arm('2:reply-timeout');
    await arm('3:session-expiry');
    expect(await cancelSessionTimer(db, session.id, '1:delay')).toBe(true);
    expect(await cancelSessionTimer(db, session.id, '1:delay')).toBe(false);
    expect(await cancelSessionTimer(db, session.id, 'missing')).toBe(false);
    const cancelled = await db.sessionTimer.findUniqueOrThrow({ where: { sessionId_timerId: { sessionId: session.id, timerId: '1:delay' } } });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.settledAt).toBeInstanceOf(Date);

    expect((await cancelPendingSessionTimers(db, session.id)).sort()).toEqual(['2:reply-timeout', '3:session-expiry']);
    expect(await cancelPendingSessionTimers(db, session.id)).toEqual([]);
    expect(await db.sessionTimer.count({ where: { sessionId: session.id, status: 'pending' } })).toBe(0);
  });
});
