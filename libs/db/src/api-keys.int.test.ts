import { createHash, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from './create-api-key';
import { createDb } from './create-db';
import { createWorkspaceWithOwner } from './create-workspace-with-owner';
import { findApiKey } from './find-api-key';
import { listApiKeys } from './list-api-keys';
import { revokeApiKey } from './revoke-api-key';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

/** The order of lists: newest first, ties (same millisecond) by id, descending. */
function newestFirst<T extends { id: string; createdAt: Date }>(items: T[]): T[] {
  return [...items].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0));
}

async function setUp() {
  const owner = await db.user.create({ data: { email: `${randomUUID()}@keys.test` } });
  const workspace = await createWorkspaceWithOwner(db, { name: 'Keys', ownerUserId: owner.id });
  return { owner, workspace };
}

describe('API keys', () => {
  it('shows the key once and stores only its SHA-256 and prefix', async () => {
    const { owner, workspace } = await setUp();
    const { apiKey, key } = await createApiKey(db, { workspaceId: workspace.id, name: 'CI', role: 'builder', createdById: owner.id });
    expect(key).toMatch(/^pk_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}$/);
    expect(apiKey).toEqual({
      id: expect.any(String),
      name: 'CI',
      prefix: key.slice(0, 11),
      role: 'builder',
      createdById: owner.id,
      createdAt: expect.any(Date),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(apiKey).not.toHaveProperty('hash');
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(key.slice(12));
    expect(await listApiKeys(db, workspace.id)).toEqual([apiKey]);
  });

  it('lists keys newest first, revoked ones included, never a hash', async () => {
    const { owner, workspace } = await setUp();
    const first = await createApiKey(db, { workspaceId: workspace.id, name: 'one', role: 'analyst', createdById: owner.id });
    const second = await createApiKey(db, { workspaceId: workspace.id, name: 'two', role: 'owner', createdById: null });
    expect(await revokeApiKey(db, { workspaceId: workspace.id, apiKeyId: first.apiKey.id })).toBe(true);
    const list = await listApiKeys(db, workspace.id);
    expect(list.map((k) => k.id)).toEqual(newestFirst([first.apiKey, second.apiKey]).map((k) => k.id));
    expect(Object.fromEntries(list.map((k) => [k.name, [k.role, k.revokedAt === null]]))).toEqual({ two: ['owner', true], one: ['analyst', false] });
    for (const item of list) expect(Object.keys(item).sort()).toEqual(['createdAt', 'createdById', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'role']);
    expect(second.apiKey.createdById).toBeNull();
  });

  it('finds a key by the key itself, and not a revoked, unknown or malformed one', async () => {
    const { owner, workspace } = await setUp();
    const other = await setUp();
    const { apiKey, key } = await createApiKey(db, { workspaceId: workspace.id, name: 'bot', role: 'agent', createdById: owner.id });
    expect(await findApiKey(db, key)).toEqual({ id: apiKey.id, workspaceId: workspace.id, workspaceSlug: workspace.slug, name: 'bot', role: 'agent' });
    expect(await findApiKey(db, `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`)).toBeNull();
    expect(await findApiKey(db, `${key} `)).toBeNull();
    expect(await findApiKey(db, 'pk_short')).toBeNull();
    expect(await findApiKey(db, '')).toBeNull();

    // Another workspace cannot revoke it.
    expect(await revokeApiKey(db, { workspaceId: other.workspace.id, apiKeyId: apiKey.id })).toBe(false);
    expect(await findApiKey(db, key)).not.toBeNull();
    expect(await revokeApiKey(db, { workspaceId: workspace.id, apiKeyId: apiKey.id })).toBe(true);
    expect(await revokeApiKey(db, { workspaceId: workspace.id, apiKeyId: apiKey.id })).toBe(false);
    expect(await findApiKey(db, key)).toBeNull();
  });

  it('records use at most once a minute', async () => {
    const { owner, workspace } = await setUp();
    const { apiKey, key } = await createApiKey(db, { workspaceId: workspace.id, name: 'busy', role: 'builder', createdById: owner.id });
    const lastUsed = async () => (await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
    const t0 = new Date('2031-05-01T10:00:00.000Z');
    await findApiKey(db, key, t0);
    expect(await lastUsed()).toEqual(t0);
    await findApiKey(db, key, new Date(t0.getTime() + 30_000));
    await findApiKey(db, key, new Date(t0.getTime() + 59_999));
    expect(await lastUsed()).toEqual(t0);
    const t1 = new Date(t0.getTime() + 60_000);
    await findApiKey(db, key, t1);
    expect(await lastUsed()).toEqual(t1);
    // Many requests at once: one write.
    const t2 = new Date(t1.getTime() + 120_000);
    await Promise.all(Array.from({ length: 5 }, (_, i) => findApiKey(db, key, new Date(t2.getTime() + i))));
    const after = await lastUsed();
    expect(after?.getTime()).toBeGreaterThanOrEqual(t2.getTime());
    expect(after?.getTime()).toBeLessThan(t2.getTime() + 5);
  });
});
