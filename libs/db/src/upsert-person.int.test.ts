import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createWorkspace } from './create-workspace';
import { findPersonByContact } from './find-person-by-contact';
import { upsertPerson } from './upsert-person';

const db = createDb(inject('databaseUrl'));
let workspaceId: string;
beforeAll(async () => {
  workspaceId = (await createWorkspace(db, { name: 'People', slug: `people-${randomUUID()}` })).id;
});
afterAll(() => db.$disconnect());

const phone = (): string => `3859${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`;

describe('upsertPerson / findPersonByContact', () => {
  it('creates a person for an unknown contact, then updates the same person', async () => {
    const contact = { type: 'phone' as const, value: phone() };
    expect(await findPersonByContact(db, workspaceId, contact)).toBeNull();

    const created = await upsertPerson(db, { workspaceId, contact, fields: { firstName: ' Ana ', attributes: { tier: 'gold' } } });
    expect(created).toMatchObject({ kind: 'created', person: { phone: contact.value, firstName: 'Ana', attributes: { tier: 'gold' } } });

    const updated = await upsertPerson(db, {
      workspaceId,
      contact,
      fields: { lastName: 'Horvat', email: ' ANA.H@example.com', attributes: { visits: 2 } },
    });
    if (updated.kind !== 'updated' || created.kind !== 'created') throw new Error(`unexpected ${updated.kind}`);
    expect(updated.person).toMatchObject({
      id: created.person.id,
      firstName: 'Ana',
      lastName: 'Horvat',
      email: 'ana.h@example.com',
      attributes: { tier: 'gold', visits: 2 },
    });
    expect(await findPersonByContact(db, workspaceId, { type: 'email', value: 'ana.h@example.com' })).toMatchObject({ id: created.person.id });
  });

  it('clears fields with null or blank strings, but never the identifying column', async () => {
    const contact = { type: 'email' as const, value: `${randomUUID()}@example.com` };
    await upsertPerson(db, { workspaceId, contact, fields: { firstName: 'Bo', phone: phone() } });
    const cleared = await upsertPerson(db, { workspaceId, contact, fields: { firstName: '  ', phone: null, email: null } });
    expect(cleared).toMatchObject({ kind: 'updated', person: { firstName: null, phone: null, email: contact.value } });
  });

  it('reports invalid email / phone values and conflicts with another person without writing', async () => {
    const taken = phone();
    await upsertPerson(db, { workspaceId, contact: { type: 'phone', value: taken }, fields: {} });
    const contact = { type: 'external-id' as const, value: `ext-${randomUUID()}` };
    expect(await upsertPerson(db, { workspaceId, contact, fields: { email: 'not-an-email' } })).toEqual({ kind: 'invalid-value', field: 'email' });
    expect(await upsertPerson(db, { workspaceId, contact, fields: { phone: '12' } })).toEqual({ kind: 'invalid-value', field: 'phone' });
    expect(await upsertPerson(db, { workspaceId, contact, fields: { phone: `+${taken}` } })).toEqual({ kind: 'conflict', field: 'phone' });
    expect(await findPersonByContact(db, workspaceId, contact)).toBeNull();
  });

  it('keeps contacts unique per workspace, not across workspaces', async () => {
    const other = (await createWorkspace(db, { name: 'Other', slug: `other-${randomUUID()}` })).id;
    const contact = { type: 'external-id' as const, value: `shared-${randomUUID()}` };
    const a = await upsertPerson(db, { workspaceId, contact, fields: {} });
    const b = await upsertPerson(db, { workspaceId: other, contact, fields: {} });
    expect(a.kind).toBe('created');
    expect(b.kind).toBe('created');
  });

  it('creates one person when two transactions upsert the same new contact at once', async () => {
    const contact = { type: 'phone' as const, value: phone() };
    const results = await Promise.all(
      ['A', 'B'].map((name) => db.$transaction((tx) => upsertPerson(tx, { workspaceId, contact, fields: { firstName: name } }))),
    );
    expect(results.map((result) => result.kind).sort()).toEqual(['created', 'updated']);
    expect(await db.person.count({ where: { workspaceId, phone: contact.value } })).toBe(1);
  });

  it('refuses contacts that are not normalized', async () => {
    await expect(findPersonByContact(db, workspaceId, { type: 'email', value: 'Ana@Example.com' })).rejects.toThrow(TypeError);
  });
});
