import { memberRoleSchema, type MemberRole } from './column-schemas';
import type { Tx } from './create-db';
import { apiKeySchema } from './api-key-schema';
import { sha256Hex } from './sha256-hex';

/** The principal an API key stands for, with its workspace's slug. */
export type FoundApiKey = { id: string; workspaceId: string; workspaceSlug: string; name: string; role: MemberRole };

/** lastUsedAt is written at most once per this interval per key. */
const lastUsedResolutionMs = 60_000;

/**
 * The unrevoked key `key` is (looked up by its SHA-256, a unique index), or null for a
 * malformed, unknown or revoked key. Records use in `lastUsedAt` only when the stored
 * time is missing or at least 60 s older than `now`, with a conditional update, so a
 * busy key costs at most one write a minute however many requests use it.
 *
 * The key decides the workspace: call it with the API's `Db`, before any
 * withWorkspaceScope.
 */
export async function findApiKey(db: Tx, key: string, now: Date = new Date()): Promise<FoundApiKey | null> {
  if (!apiKeySchema.safeParse(key).success) return null;
  const row = await db.apiKey.findUnique({
    where: { hash: sha256Hex(key) },
    select: { id: true, workspaceId: true, name: true, role: true, lastUsedAt: true, revokedAt: true, workspace: { select: { slug: true } } },
  });
  if (!row || row.revokedAt !== null) return null;
  const staleBefore = new Date(now.getTime() - lastUsedResolutionMs);
  if (row.lastUsedAt === null || row.lastUsedAt.getTime() <= staleBefore.getTime()) {
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return { id: row.id, workspaceId: row.workspaceId, workspaceSlug: row.workspace.slug, name: row.name, role: memberRoleSchema.parse(row.role) };
}
