import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createSession } from './create-session';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { findActiveSession } from './find-active-session';
import { isUniqueConstraintError } from './is-unique-constraint-error';
import { NotFoundError } from './not-found-error';
import { StaleSessionError } from './stale-session-error';
import { updateSession } from './update-session';

const db = createDb(inject('databaseUrl'));
let fixture: TestFixture;
beforeAll(async () => {
  fixture = await createTestFixture(db);
});
afterAll(() => db.$disconnect());

function start(contact: string) {
  return createSession(db, {
    workspaceId: fixture.workspace.id,
    botId: fixture.bot.id,
    botVersionId: fixture.version.id,
    channelId: fixture.channel.id,
    contact,
    state: { turn: 0 },
  });
}

describe('sessions', () => {
  it('creates an active session findable by contact', async () => {
    const contact = randomUUID();
    expect(await findActiveSession(db, fixture.channel.id, contact)).toBeNull();
    const session = await start(contact);
    expect(session).toMatchObject({ status: 'active', version: 0, state: { turn: 0 }, activeKey: `${fixture.channel.id}:${contact}` });
    expect(await findActiveSession(db, fixture.channel.id, contact)).toEqual(session);
  });

  it('allows at most one active session per contact per channel', async () => {
    const contact = randomUUID();
    await start(contact);
    const error = await start(contact).catch((caught: unknown) => caught);
    expect(isUniqueConstraintError(error)).toBe(true);
  });

  it('updates optimistically and refuses a stale version', async () => {
    const session = await start(randomUUID());
    const saved = await updateSession(db, { id: session.id, expectedVersion: 0, state: { turn: 1 }, status: 'active' });
    expect(saved).toMatchObject({ version: 1, state: { turn: 1 }, status: 'active', activeKey: session.activeKey });
    expect(saved.lastActivityAt.getTime()).toBeGreaterThanOrEqual(session.lastActivityAt.getTime());

    const stale = updateSession(db, { id: session.id, expectedVersion: 0, state: { turn: 'lost' }, status: 'active' });
    await expect(stale).rejects.toBeInstanceOf(StaleSessionError);
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).state).toEqual({ turn: 1 });

    const racers = await Promise.allSettled([
      updateSession(db, { id: session.id, expectedVersion: 1, state: { turn: 'a' }, status: 'active' }),
      updateSession(db, { id: session.id, expectedVersion: 1, state: { turn: 'b' }, status: 'active' }),
    ]);
    expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(racers.filter((r) => r.status === 'rejected' && r.reason instanceof StaleSessionError)).toHaveLength(1);

    await expect(updateSession(db, { id: randomUUID(), expectedVersion: 0, state: {}, status: 'active' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads back exactly what Prisma Client reads and sets updatedAt', async () => {
    const contact = randomUUID();
    const session = await start(contact);
    expect(await findActiveSession(db, fixture.channel.id, contact)).toEqual(await db.session.findUniqueOrThrow({ where: { id: session.id } }));
    const saved = await updateSession(db, { id: session.id, expectedVersion: 0, state: { turn: 1, list: [null, 'a'] }, status: 'active' });
    expect(saved).toEqual(await db.session.findUniqueOrThrow({ where: { id: session.id } }));
    expect(saved.updatedAt.getTime()).toBeGreaterThanOrEqual(session.updatedAt.getTime());
    expect(saved.updatedAt).toEqual(saved.lastActivityAt);
    expect(saved.createdAt).toEqual(session.createdAt);
    const closed = await updateSession(db, { id: session.id, expectedVersion: 1, state: {}, status: 'closed' });
    expect(closed.closedAt).toEqual(closed.updatedAt);
  });

  it('ending a session frees the contact for a new one', async () => {
    const contact = randomUUID();
    const session = await start(contact);
    const closed = await updateSession(db, { id: session.id, expectedVersion: 0, state: { done: true }, status: 'closed' });
    expect(closed).toMatchObject({ status: 'closed', activeKey: null, version: 1 });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(await findActiveSession(db, fixture.channel.id, contact)).toBeNull();

    const next = await start(contact);
    expect(next.id).not.toBe(session.id);
    await expect(updateSession(db, { id: session.id, expectedVersion: 1, state: {}, status: 'active' })).rejects.toThrow(/cannot be made active/);
    const expired = await updateSession(db, { id: next.id, expectedVersion: 0, state: {}, status: 'expired' });
    expect(expired).toMatchObject({ status: 'expired', activeKey: null });
  });
});
