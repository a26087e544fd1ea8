import { createDb, upsertPerson } from '@parley/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCallTestContext } from './create-call-test-context';
import { executeProfileUpsert } from './execute-profile-upsert';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

describe('executeProfileUpsert', () => {
  it('creates, then updates the person; custom attributes are coerced and merged', async () => {
    const ctx = await createCallTestContext(db);
    const contact = { type: 'email' as const, value: 'Ana@Example.com' };
    const first = await db.$transaction((tx) =>
      executeProfileUpsert(tx, ctx, {
        name: 'profile.upsert',
        contact,
        values: [
          { field: 'firstName', value: 'Ana' },
          { field: 'phone', value: '+385 91 555 0199' },
          { field: { custom: 'visits', type: 'number' }, value: '3' },
          { field: { custom: 'vip', type: 'boolean' }, value: 'true' },
        ],
      }),
    );
    expect(first).toEqual({ ok: true, result: { created: true } });
    const second = await db.$transaction((tx) =>
      executeProfileUpsert(tx, ctx, {
        name: 'profile.upsert',
        contact,
        values: [
          { field: 'lastName', value: 'Horvat' },
          { field: { custom: 'birthday', type: 'date' }, value: '1990-05-01' },
          { field: 'firstName', value: null },
        ],
      }),
    );
    expect(second).toEqual({ ok: true, result: { created: false } });
    const person = await db.person.findFirstOrThrow({ where: { workspaceId: ctx.workspaceId, email: 'ana@example.com' } });
    expect(person).toMatchObject({
      firstName: null,
      lastName: 'Horvat',
      phone: '385915550199',
      attributes: { visits: 3, vip: true, birthday: '1990-05-01' },
    });
  });

  it('fails with InvalidValue or Conflict and writes nothing', async () => {
    const ctx = await createCallTestContext(db);
    await upsertPerson(db, { workspaceId: ctx.workspaceId, contact: { type: 'phone', value: '385915550100' }, fields: {} });
    const contact = { type: 'external-id' as const, value: ctx.contact };
    const upsert = (values: { field: 'email' | 'phone' | { custom: string; type: 'number' | 'list' }; value: string | number | null }[]) =>
      db.$transaction((tx) => executeProfileUpsert(tx, ctx, { name: 'profile.upsert', contact, values }));

    expect(await upsert([{ field: 'email', value: 'nope' }])).toMatchObject({ ok: false, error: { code: 'InvalidValue' } });
    expect(await upsert([{ field: { custom: 'visits', type: 'number' }, value: 'many' }])).toMatchObject({ ok: false, error: { code: 'InvalidValue' } });
    expect(await upsert([{ field: { custom: 'items', type: 'list' }, value: 'x' }])).toMatchObject({ ok: false, error: { code: 'InvalidValue' } });
    expect(await upsert([{ field: 'phone', value: '+385 91 555 0100' }])).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    expect(await db.person.count({ where: { workspaceId: ctx.workspaceId, externalId: ctx.contact } })).toBe(0);
  });
});
