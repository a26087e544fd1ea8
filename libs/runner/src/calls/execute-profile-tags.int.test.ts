import { createDb } from '@parley/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCallTestContext } from './create-call-test-context';
import { executeProfileTags } from './execute-profile-tags';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

describe('executeProfileTags', () => {
  it('adds (creating the person), checks and removes tags', async () => {
    const ctx = await createCallTestContext(db);
    const contact = { type: 'external-id' as const, value: ctx.contact };
    const run = (action: 'add' | 'remove' | 'get', tags: [string, ...string[]]) =>
      db.$transaction((tx) => executeProfileTags(tx, ctx, { name: 'profile.tags', action, contact, tags }));

    expect(await run('get', ['vip'])).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await run('remove', ['vip'])).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await run('add', ['vip', 'newsletter'])).toEqual({ ok: true, result: { tags: ['vip', 'newsletter'], allPresent: true } });
    expect(await run('get', ['vip', 'churn'])).toEqual({ ok: true, result: { tags: ['vip', 'newsletter'], allPresent: false } });
    expect(await run('get', ['newsletter'])).toEqual({ ok: true, result: { tags: ['vip', 'newsletter'], allPresent: true } });
    expect(await run('remove', ['vip', 'absent'])).toEqual({ ok: true, result: { tags: ['newsletter'], allPresent: false } });
    expect(await db.person.count({ where: { workspaceId: ctx.workspaceId } })).toBe(1);
  });

  it('fails with InvalidContact for an empty contact', async () => {
    const ctx = await createCallTestContext(db);
    const result = await db.$transaction((tx) =>
      executeProfileTags(tx, ctx, { name: 'profile.tags', action: 'add', contact: { type: 'phone', value: ' ' }, tags: ['x'] }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidContact' } });
  });
});
