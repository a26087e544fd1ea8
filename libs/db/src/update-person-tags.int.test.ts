import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createWorkspace } from './create-workspace';
import { NotFoundError } from './not-found-error';
import { updatePersonTags } from './update-person-tags';
import { upsertPerson } from './upsert-person';

const db = createDb(inject('databaseUrl'));
let workspaceId: string;
beforeAll(async () => {
  workspaceId = (await createWorkspace(db, { name: 'Tags', slug: `tags-${randomUUID()}` })).id;
});
afterAll(() => db.$disconnect());

async function newPerson(): Promise<string> {
  const result = await upsertPerson(db, { workspaceId, contact: { type: 'external-id', value: randomUUID() }, fields: {} });
  if (result.kind !== 'created') throw new Error(result.kind);
  return result.person.id;
}

describe('updatePersonTags', () => {
  it('adds tags once each, in order, and removes tags', async () => {
    const id = await newPerson();
    expect((await updatePersonTags(db, id, { add: ['vip', 'newsletter', 'vip'] })).tags).toEqual(['vip', 'newsletter']);
    expect((await updatePersonTags(db, id, { add: ['newsletter', 'churn-risk'] })).tags).toEqual(['vip', 'newsletter', 'churn-risk']);
    expect((await updatePersonTags(db, id, { remove: ['newsletter', 'absent'] })).tags).toEqual(['vip', 'churn-risk']);
    expect((await updatePersonTags(db, id, { add: ['x'], remove: ['x'] })).tags).toEqual(['vip', 'churn-risk']);
  });

  it('loses no tag when transactions add tags concurrently', async () => {
    const id = await newPerson();
    const tags = Array.from({ length: 8 }, (_, index) => `t${index}`);
    await Promise.all(tags.map((tag) => db.$transaction((tx) => updatePersonTags(tx, id, { add: [tag] }))));
    expect((await db.person.findUniqueOrThrow({ where: { id } })).tags.sort()).toEqual(tags);
  });

  it('throws NotFoundError for an unknown person', async () => {
    await expect(updatePersonTags(db, randomUUID(), { add: ['a'] })).rejects.toBeInstanceOf(NotFoundError);
  });
});
