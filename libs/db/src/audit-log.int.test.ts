import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { appendAuditLog } from './append-audit-log';
import { createDb } from './create-db';
import { createWorkspace } from './create-workspace';
import { listAuditLog } from './list-audit-log';
import type { AuditLogEntry } from './to-audit-log-entry';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());

/** The log's order: newest first, ties (same millisecond) by id, descending. */
function newestFirst(entries: AuditLogEntry[]): AuditLogEntry[] {
  return [...entries].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0));
}

describe('audit log', () => {
  it('appends entries and returns them as stored', async () => {
    const workspace = await createWorkspace(db, { name: 'Audit', slug: `audit-${randomUUID()}` });
    const entry = await appendAuditLog(db, {
      workspaceId: workspace.id,
      actor: { type: 'api-key', id: 'key-1', label: 'CI' },
      action: 'member.role-changed',
      target: { type: 'member', id: 'user-1' },
      details: { before: 'builder', after: 'owner', skipped: undefined },
    });
    expect(entry).toEqual({
      id: expect.any(String),
      workspaceId: workspace.id,
      actorType: 'api-key',
      actorId: 'key-1',
      actorLabel: 'CI',
      action: 'member.role-changed',
      targetType: 'member',
      targetId: 'user-1',
      details: { before: 'builder', after: 'owner' },
      createdAt: expect.any(Date),
    });
    const bare = await appendAuditLog(db, {
      workspaceId: workspace.id,
      actor: { type: 'user', id: 'u', label: 'u@x.test' },
      action: 'bot.published',
      target: { type: 'bot', id: 'b' },
    });
    expect(bare.details).toEqual({});
    expect((await listAuditLog(db, { workspaceId: workspace.id })).entries).toEqual(newestFirst([bare, entry]));
  });

  it('pages newest first with a cursor; entries appended meanwhile do not shift later pages', async () => {
    const workspace = await createWorkspace(db, { name: 'Audit', slug: `audit-${randomUUID()}` });
    const other = await createWorkspace(db, { name: 'Other', slug: `audit-${randomUUID()}` });
    const append = (workspaceId: string, n: number) =>
      appendAuditLog(db, { workspaceId, actor: { type: 'user', id: 'u', label: 'u' }, action: 'bot.published', target: { type: 'bot', id: String(n) } });
    const appended = [];
    for (let n = 0; n < 7; n += 1) appended.push(await append(workspace.id, n));
    await append(other.id, 99);
    const expected = newestFirst(appended).map((e) => e.targetId);

    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditLog(db, { workspaceId: workspace.id, limit: 3, ...(before ? { before } : {}) });
      if (pages === 0) await append(workspace.id, 100); // newer than everything: must not appear later
      seen.push(...page.entries.map((e) => e.targetId));
      before = page.nextCursor ?? undefined;
      pages += 1;
    } while (before);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);

    // Exactly a page's worth: no empty extra page.
    const exact = await listAuditLog(db, { workspaceId: workspace.id, limit: 8 });
    expect(exact.entries).toHaveLength(8);
    expect(exact.nextCursor).toBeNull();
  });

  it('gives an empty page for a cursor of another workspace or none at all', async () => {
    const workspace = await createWorkspace(db, { name: 'Audit', slug: `audit-${randomUUID()}` });
    const other = await createWorkspace(db, { name: 'Other', slug: `audit-${randomUUID()}` });
    const foreign = await appendAuditLog(db, { workspaceId: other.id, actor: { type: 'user', id: 'u', label: 'u' }, action: 'x', target: { type: 'x', id: 'x' } });
    await appendAuditLog(db, { workspaceId: workspace.id, actor: { type: 'user', id: 'u', label: 'u' }, action: 'x', target: { type: 'x', id: 'x' } });
    expect(await listAuditLog(db, { workspaceId: workspace.id, before: foreign.id })).toEqual({ entries: [], nextCursor: null });
    expect(await listAuditLog(db, { workspaceId: workspace.id, before: randomUUID() })).toEqual({ entries: [], nextCursor: null });
  });
});
