import { createConversationTag, createDb } from '@parley/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCallTestContext } from './create-call-test-context';
import { executeConversationTags } from './execute-conversation-tags';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

describe('executeConversationTags', () => {
  it("adds the tags to the session's conversation, creating it with status 'bot', and a tag the Inbox lacks in the Inbox", async () => {
    const ctx = await createCallTestContext(db);
    for (const name of ['billing', 'vip']) await createConversationTag(db, { workspaceId: ctx.workspaceId, name });

    const first = await db.$transaction((tx) => executeConversationTags(tx, ctx, { name: 'conversation.tags', tags: ['billing', 'unknown'] }));
    expect(first).toEqual({ ok: true, result: { added: ['billing', 'unknown'], created: ['unknown'] } });
    const second = await db.$transaction((tx) => executeConversationTags(tx, ctx, { name: 'conversation.tags', tags: ['vip', 'billing'] }));
    expect(second).toEqual({ ok: true, result: { added: ['vip'], created: [] } });

    const conversation = await db.conversation.findUniqueOrThrow({ where: { sessionId: ctx.sessionId } });
    expect(conversation).toMatchObject({ status: 'bot', tags: ['billing', 'unknown', 'vip'], channelId: ctx.channelId, workspaceId: ctx.workspaceId });
  });

  it('rolls back with the turn: nothing is stored when the transaction fails', async () => {
    const ctx = await createCallTestContext(db);
    await createConversationTag(db, { workspaceId: ctx.workspaceId, name: 'billing' });
    const failing = db.$transaction(async (tx) => {
      await executeConversationTags(tx, ctx, { name: 'conversation.tags', tags: ['billing'] });
      throw new Error('turn failed');
    });
    await expect(failing).rejects.toThrow('turn failed');
    expect(await db.conversation.count({ where: { sessionId: ctx.sessionId } })).toBe(0);
  });
});
