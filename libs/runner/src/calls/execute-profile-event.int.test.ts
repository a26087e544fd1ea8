import { createDb } from '@parley/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCallTestContext } from './create-call-test-context';
import { executeProfileEvent } from './execute-profile-event';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

describe('executeProfileEvent', () => {
  it('records the event on the person, creating the person first when needed', async () => {
    const ctx = await createCallTestContext(db);
    const call = {
      name: 'profile.event' as const,
      contact: { type: 'phone' as const, value: '+385 91 555 0101' },
      event: 'order_tracked',
      properties: { orderId: 'A-17', total: 3.5 },
    };
    expect(await db.$transaction((tx) => executeProfileEvent(tx, ctx, call))).toEqual({ ok: true, result: { personCreated: true } });
    expect(await db.$transaction((tx) => executeProfileEvent(tx, ctx, { ...call, properties: {} }))).toEqual({ ok: true, result: { personCreated: false } });

    const person = await db.person.findFirstOrThrow({ where: { workspaceId: ctx.workspaceId, phone: '385915550101' } });
    const events = await db.customEvent.findMany({ where: { personId: person.id }, orderBy: { createdAt: 'asc' } });
    expect(events.map(({ name, properties, occurredAt }) => ({ name, properties, occurredAt: occurredAt.getTime() }))).toEqual([
      { name: 'order_tracked', properties: { orderId: 'A-17', total: 3.5 }, occurredAt: ctx.now },
      { name: 'order_tracked', properties: {}, occurredAt: ctx.now },
    ]);
  });

  it('fails with InvalidContact for an empty or malformed contact, writing nothing', async () => {
    const ctx = await createCallTestContext(db);
    for (const contact of [{ type: 'email' as const, value: '' }, { type: 'email' as const, value: 'not an email' }]) {
      const result = await db.$transaction((tx) => executeProfileEvent(tx, ctx, { name: 'profile.event', contact, event: 'x', properties: {} }));
      expect(result).toMatchObject({ ok: false, error: { code: 'InvalidContact' } });
    }
    expect(await db.person.count({ where: { workspaceId: ctx.workspaceId } })).toBe(0);
  });
});
