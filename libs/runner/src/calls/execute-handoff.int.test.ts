import { createConversationTag, createDb } from '@parley/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCallTestContext } from './create-call-test-context';
import { executeConversationTags } from './execute-conversation-tags';
import { executeHandoff } from './execute-handoff';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

describe('executeHandoff', () => {
  it('opens the conversation in the agent inbox with queue and tags, and records the handoff', async () => {
    const ctx = await createCallTestContext(db);
    for (const name of ['billing', 'urgent']) await createConversationTag(db, { workspaceId: ctx.workspaceId, name });
    await db.$transaction((tx) => executeConversationTags(tx, ctx, { name: 'conversation.tags', tags: ['urgent'] }));

    const result = await db.$transaction((tx) =>
      executeHandoff(tx, ctx, { name: 'handoff', queue: 'Billing', tags: ['billing', 'ghost'], message: 'Wants a refund' }),
    );
    const conversation = await db.conversation.findUniqueOrThrow({ where: { sessionId: ctx.sessionId } });
    expect(result).toEqual({ ok: true, result: { conversationId: conversation.id, createdTags: ['ghost'] } });
    expect(conversation).toMatchObject({ status: 'open', queue: 'Billing', tags: ['urgent', 'billing', 'ghost'] });

    const events = await db.analyticsEvent.findMany({ where: { sessionId: ctx.sessionId, type: 'conversation.handoff' } });
    expect(events.map((event) => event.payload)).toEqual([
      { conversationId: conversation.id, queue: 'Billing', tags: ['urgent', 'billing', 'ghost'], createdTags: ['ghost'], note: 'Wants a refund' },
    ]);
  });

  it('creates the conversation without a queue (the default queue) and without tags', async () => {
    const ctx = await createCallTestContext(db);
    const result = await db.$transaction((tx) => executeHandoff(tx, ctx, { name: 'handoff', tags: [] }));
    expect(result.ok).toBe(true);
    expect(await db.conversation.findUniqueOrThrow({ where: { sessionId: ctx.sessionId } })).toMatchObject({ status: 'open', queue: null, tags: [] });
  });
});
