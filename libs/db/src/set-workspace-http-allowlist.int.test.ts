import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { createWorkspace } from './create-workspace';
import { getWorkspaceHttpPolicy } from './get-workspace-http-policy';
import { NotFoundError } from './not-found-error';
import { setWorkspaceHttpAllowlist } from './set-workspace-http-allowlist';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

const newWorkspace = () => createWorkspace(db, { name: 'Settings', slug: `settings-${randomUUID()}` });

describe('workspace HTTP allowlist', () => {
  it('starts empty, is replaced as a whole, and keeps every other setting', async () => {
    const workspace = await newWorkspace();
    expect(await getWorkspaceHttpPolicy(db, workspace.id)).toEqual({ allow: [] });
    await db.workspace.update({ where: { id: workspace.id }, data: { settings: { theme: 'dark', http: { proxy: 'none' } } } });

    await setWorkspaceHttpAllowlist(db, workspace.id, ['127.0.0.1/32', 'crm.internal']);
    expect(await getWorkspaceHttpPolicy(db, workspace.id)).toEqual({ allow: ['127.0.0.1/32', 'crm.internal'] });
    await setWorkspaceHttpAllowlist(db, workspace.id, ['10.0.0.0/8']);
    const stored = await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } });
    expect(stored.settings).toEqual({ theme: 'dark', http: { proxy: 'none', allowlist: ['10.0.0.0/8'] } });
  });

  it('reads malformed settings as no allowlist, dropping non-string entries', async () => {
    const workspace = await newWorkspace();
    await db.workspace.update({ where: { id: workspace.id }, data: { settings: { http: 'everything' } } });
    expect(await getWorkspaceHttpPolicy(db, workspace.id)).toEqual({ allow: [] });
    await setWorkspaceHttpAllowlist(db, workspace.id, ['127.0.0.1']);
    expect(await getWorkspaceHttpPolicy(db, workspace.id)).toEqual({ allow: ['127.0.0.1'] });
    await db.workspace.update({ where: { id: workspace.id }, data: { settings: { http: { allowlist: ['a.example', 42, null, 'b.example'] } } } });
    expect(await getWorkspaceHttpPolicy(db, workspace.id)).toEqual({ allow: ['a.example', 'b.example'] });
  });

  it('gives an unknown workspace the empty policy, and refuses to write one', async () => {
    expect(await getWorkspaceHttpPolicy(db, randomUUID())).toEqual({ allow: [] });
    await expect(setWorkspaceHttpAllowlist(db, randomUUID(), [])).rejects.toBeInstanceOf(NotFoundError);
  });
});
