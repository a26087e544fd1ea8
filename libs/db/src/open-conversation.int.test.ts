import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addConversationTags } from './add-conversation-tags';
import { createConversationTag } from './create-conversation-tag';
import { createDb } from './create-db';
import { createSession } from './create-session';
import { createTestFixture, type TestFixture } from './create-test-fixture';
import { openConversation } from './open-conversation';

const db = createDb(inject('databaseUrl'));
let fixture: TestFixture;
beforeAll(async () => {
  fixture = await createTestFixture(db);
  for (const name of ['billing', 'urgent']) await createConversationTag(db, { workspaceId: fixture.workspace.id, name });
});
afterAll(() => db.$disconnect());

async function input() {
  const session = await createSession(db, {
    workspaceId: fixture.workspace.id,
    botId: fixture.bot.id,
    botVersionId: fixture.version.id,
    channelId: fixture.channel.id,
    contact: randomUUID(),
    state: {},
  });
  return { workspaceId: fixture.workspace.id, sessionId: session.id, channelId: fixture.channel.id };
}

describe('openConversation', () => {
  it('creates an open conversation with queue and tags, creating the tags the Inbox lacks', async () => {
    const base = await input();
    const { conversation, createdTags } = await openConversation(db, { ...base, queue: 'Billing', tags: ['billing', 'ghost'] });
    expect(conversation).toMatchObject({ status: 'open', queue: 'Billing', tags: ['billing', 'ghost'], sessionId: base.sessionId, channelId: base.channelId });
    expect(createdTags).toEqual(['ghost']);
    expect(await db.conversationTag.count({ where: { workspaceId: base.workspaceId, name: 'ghost' } })).toBe(1);
  });

  it("moves a tagged 'bot' conversation to the inbox, merging tags and keeping the queue when none is given", async () => {
    const base = await input();
    const tagged = await addConversationTags(db, { ...base, tags: ['urgent'] });
    expect(tagged.conversation.status).toBe('bot');
    const { conversation } = await openConversation(db, { ...base, tags: ['billing', 'urgent'] });
    expect(conversation).toMatchObject({ id: tagged.conversation.id, status: 'open', queue: null, tags: ['urgent', 'billing'] });

    const again = await openConversation(db, { ...base, queue: null, tags: [] });
    expect(again.conversation).toMatchObject({ status: 'open', tags: ['urgent', 'billing'] });
    expect(await db.conversation.count({ where: { sessionId: base.sessionId } })).toBe(1);
  });

  it('leaves a conversation an agent already holds assigned, and reopens a closed one', async () => {
    const assigned = await input();
    const { conversation } = await openConversation(db, { ...assigned, tags: [] });
    await db.conversation.update({ where: { id: conversation.id }, data: { status: 'assigned' } });
    expect((await openConversation(db, { ...assigned, queue: 'VIP', tags: [] })).conversation).toMatchObject({ status: 'assigned', queue: 'VIP' });

    const closed = await input();
    const opened = await openConversation(db, { ...closed, tags: [] });
    await db.conversation.update({ where: { id: opened.conversation.id }, data: { status: 'closed', closedAt: new Date() } });
    expect((await openConversation(db, { ...closed, tags: [] })).conversation).toMatchObject({ status: 'open', closedAt: null });
  });
});
