import { createDb } from '@parley/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCallTestContext } from './create-call-test-context';
import { executeCsatRecord } from './execute-csat-record';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

describe('executeCsatRecord', () => {
  it('stores a CsatResponse and a csat.answered analytics event', async () => {
    const ctx = await createCallTestContext(db);
    const result = await db.$transaction((tx) =>
      executeCsatRecord(tx, ctx, { name: 'csat.record', scale: '1-10', score: 9, satisfied: true, feedback: 'Fast answers' }),
    );
    const responses = await db.csatResponse.findMany({ where: { sessionId: ctx.sessionId } });
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ botId: ctx.botId, workspaceId: ctx.workspaceId, scale: '1-10', score: 9, feedback: 'Fast answers' });
    expect(result).toEqual({ ok: true, result: { responseId: responses[0]?.id } });

    const events = await db.analyticsEvent.findMany({ where: { sessionId: ctx.sessionId, type: 'csat.answered' } });
    expect(events.map((event) => event.payload)).toEqual([{ scale: '1-10', score: 9, satisfied: true, feedback: true }]);
  });

  it('stores emoji answers as 1–3 without feedback', async () => {
    const ctx = await createCallTestContext(db);
    await db.$transaction((tx) => executeCsatRecord(tx, ctx, { name: 'csat.record', scale: 'emoji', score: 1, satisfied: false }));
    expect(await db.csatResponse.findFirstOrThrow({ where: { sessionId: ctx.sessionId } })).toMatchObject({ scale: 'emoji', score: 1, feedback: null });
    const event = await db.analyticsEvent.findFirstOrThrow({ where: { sessionId: ctx.sessionId, type: 'csat.answered' } });
    expect(event.payload).toEqual({ scale: 'emoji', score: 1, satisfied: false, feedback: false });
  });
});
