import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addConversationTags } from './add-conversation-tags';
import { createConversationTag } from './create-conversation-tag';
import { createDb } from './create-db';
import { createSession } from './create-session';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { listConversationTags } from './list-conversation-tags';

const db = createDb(inject('databaseUrl'));
let fixture: TestFixture;
beforeAll(async () => {
  fixture = await createTestFixture(db);
  for (const name of ['billing', 'sales', 'vip']) await createConversationTag(db, { workspaceId: fixture.workspace.id, name });
});
afterAll(() => db.$disconnect());

async function session() {
  return createSession(db, {
    workspaceId: fixture.workspace.id,
    botId: fixture.bot.id,
    botVersionId: fixture.version.id,
    channelId: fixture.channel.id,
    contact: randomUUID(),
    state: {},
  });
}

describe('conversation tags', () => {
  it('defines Inbox tags idempotently and lists them by name', async () => {
    const again = await createConversationTag(db, { workspaceId: fixture.workspace.id, name: 'billing' });
    expect(again.name).toBe('billing');
    expect((await listConversationTags(db, fixture.workspace.id)).map((tag) => tag.name)).toEqual(['billing', 'sales', 'vip']);
  });

  it("creates the session's conversation with status 'bot' and adds its tags once each, creating those the Inbox lacks", async () => {
    const { id: sessionId } = await session();
    const input = { workspaceId: fixture.workspace.id, sessionId, channelId: fixture.channel.id };
    const first = await addConversationTags(db, { ...input, tags: ['sales', 'nope', 'billing', 'sales'] });
    expect(first).toMatchObject({ added: ['sales', 'nope', 'billing'], created: ['nope'], conversation: { status: 'bot', tags: ['sales', 'nope', 'billing'], sessionId } });

    const second = await addConversationTags(db, { ...input, tags: ['billing', 'vip'] });
    expect(second).toMatchObject({ added: ['vip'], created: [], conversation: { id: first.conversation.id, tags: ['sales', 'nope', 'billing', 'vip'] } });
    expect(await db.conversation.count({ where: { sessionId } })).toBe(1);
  });

  it('keeps one conversation per session when transactions tag it concurrently', async () => {
    const { id: sessionId } = await session();
    const input = { workspaceId: fixture.workspace.id, sessionId, channelId: fixture.channel.id };
    await Promise.all(['billing', 'sales', 'vip'].map((tag) => db.$transaction((tx) => addConversationTags(tx, { ...input, tags: [tag] }))));
    const rows = await db.conversation.findMany({ where: { sessionId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tags.sort()).toEqual(['billing', 'sales', 'vip']);
  });
});
