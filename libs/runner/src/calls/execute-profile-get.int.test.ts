import { createDb, upsertPerson } from '@parley/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCallTestContext } from './create-call-test-context';
import { executeProfileGet } from './execute-profile-get';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

describe('executeProfileGet', () => {
  it('returns the requested fields in order, null when unset', async () => {
    const ctx = await createCallTestContext(db);
    await upsertPerson(db, {
      workspaceId: ctx.workspaceId,
      contact: { type: 'external-id', value: ctx.contact },
      fields: { firstName: 'Ana', email: 'ana@example.com', attributes: { tier: 'gold', visits: 3, tags: ['a'] } },
    });
    const result = await db.$transaction((tx) =>
      executeProfileGet(tx, ctx, {
        name: 'profile.get',
        contact: { type: 'external-id', value: ` ${ctx.contact} ` },
        fields: ['firstName', 'lastName', 'email', 'phone', { custom: 'tier', type: 'text' }, { custom: 'visits', type: 'number' }, { custom: 'missing', type: 'text' }, { custom: 'tags', type: 'list' }],
      }),
    );
    expect(result).toEqual({ ok: true, result: { values: ['Ana', null, 'ana@example.com', null, 'gold', 3, null, ['a']] } });
  });

  it('fails with NotFound when no person has the contact, and InvalidContact for a malformed one', async () => {
    const ctx = await createCallTestContext(db);
    const get = (contact: { type: 'phone' | 'email' | 'external-id'; value: string }) =>
      db.$transaction((tx) => executeProfileGet(tx, ctx, { name: 'profile.get', contact, fields: ['firstName'] }));
    expect(await get({ type: 'email', value: 'nobody@example.com' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await get({ type: 'phone', value: 'abc' })).toMatchObject({ ok: false, error: { code: 'InvalidContact' } });
  });
});
