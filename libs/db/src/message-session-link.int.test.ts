import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createSession } from './create-session';
import { createTestFixture } from './create-test-fixture';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

/**
 * Message.sessionId has no foreign key (its check locked the session row for every
 * reply written); a trigger keeps what ON DELETE SET NULL did.
 */
describe("a message's session", () => {
  it('deleting a session keeps its messages and clears their sessionId; other sessions keep theirs', async () => {
    const { workspace, bot, version, channel } = await createTestFixture(db);
    const session = { workspaceId: workspace.id, botId: bot.id, botVersionId: version.id, channelId: channel.id, state: {} };
    const gone = await createSession(db, { ...session, contact: 'c1' });
    const kept = await createSession(db, { ...session, contact: 'c2' });
    const message = (sessionId: string, id: string) => ({
      workspaceId: workspace.id,
      channelId: channel.id,
      sessionId,
      direction: 'outbound',
      channelMessageId: id,
      contact: 'c',
      status: 'sent',
    });
    await db.message.createMany({ data: [message(gone.id, 'a'), message(gone.id, 'b'), message(kept.id, 'c')] });

    await db.session.delete({ where: { id: gone.id } });

    const rows = await db.message.findMany({ where: { channelId: channel.id }, orderBy: { channelMessageId: 'asc' }, select: { channelMessageId: true, sessionId: true } });
    expect(rows).toEqual([
      { channelMessageId: 'a', sessionId: null },
      { channelMessageId: 'b', sessionId: null },
      { channelMessageId: 'c', sessionId: kept.id },
    ]);
  });

  it("goes with its channel: deleting the channel removes the channel's sessions and messages together", async () => {
    const { workspace, bot, version, channel } = await createTestFixture(db);
    const session = await createSession(db, { workspaceId: workspace.id, botId: bot.id, botVersionId: version.id, channelId: channel.id, contact: 'c1', state: {} });
    await db.message.create({
      data: { workspaceId: workspace.id, channelId: channel.id, sessionId: session.id, direction: 'inbound', channelMessageId: 'm1', contact: 'c1', status: 'processed' },
    });

    await db.channel.delete({ where: { id: channel.id } });

    expect(await db.session.count({ where: { channelId: channel.id } })).toBe(0);
    expect(await db.message.count({ where: { channelId: channel.id } })).toBe(0);
  });
});
