import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createWorkspace } from './create-workspace';
import { recordCustomEvent } from './record-custom-event';
import { upsertPerson } from './upsert-person';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

describe('recordCustomEvent', () => {
  it('appends events with properties to the person', async () => {
    const workspaceId = (await createWorkspace(db, { name: 'Events', slug: `events-${randomUUID()}` })).id;
    const person = await upsertPerson(db, { workspaceId, contact: { type: 'email', value: `${randomUUID()}@example.com` }, fields: {} });
    if (person.kind !== 'created') throw new Error(person.kind);
    const at = new Date('2026-01-01T10:00:00.000Z');
    const event = await recordCustomEvent(db, {
      workspaceId,
      personId: person.person.id,
      name: 'order_tracked',
      properties: { orderId: 'A-17', total: 3.5, items: ['tea'] },
      occurredAt: at,
    });
    expect(event).toMatchObject({ name: 'order_tracked', properties: { orderId: 'A-17', total: 3.5, items: ['tea'] }, occurredAt: at });
    await recordCustomEvent(db, { workspaceId, personId: person.person.id, name: 'signup', properties: {} });
    const stored = await db.customEvent.findMany({ where: { personId: person.person.id }, orderBy: { occurredAt: 'asc' } });
    expect(stored.map((row) => row.name)).toEqual(['order_tracked', 'signup']);
  });
});
