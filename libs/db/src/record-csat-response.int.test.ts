import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createSession } from './create-session';
import { createTestFixture } from './create-test-fixture';
import { recordCsatResponse } from './record-csat-response';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

describe('recordCsatResponse', () => {
  it('stores scale, score and feedback for the session', async () => {
    const fixture = await createTestFixture(db);
    const session = await createSession(db, {
      workspaceId: fixture.workspace.id,
      botId: fixture.bot.id,
      botVersionId: fixture.version.id,
      channelId: fixture.channel.id,
      contact: randomUUID(),
      state: {},
    });
    const base = { workspaceId: fixture.workspace.id, botId: fixture.bot.id, sessionId: session.id };
    expect(await recordCsatResponse(db, { ...base, scale: '1-5', score: 4, feedback: 'Quick!' })).toMatchObject({ scale: '1-5', score: 4, feedback: 'Quick!' });
    expect(await recordCsatResponse(db, { ...base, scale: 'emoji', score: 3 })).toMatchObject({ scale: 'emoji', score: 3, feedback: null });
    expect(await db.csatResponse.count({ where: { sessionId: session.id } })).toBe(2);
  });
});
