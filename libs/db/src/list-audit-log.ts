import type { Tx } from './create-db';
import type { Prisma } from './generated/client';
import { toAuditLogEntry, type AuditLogEntry } from './to-audit-log-entry';

export type ListAuditLogInput = {
  workspaceId: string;
  /** The id of the last entry of the previous page (its `nextCursor`); absent: the newest entries. */
  before?: string;
  /** Entries per page, 1–200 (default 50). */
  limit?: number;
};

/** A page of entries, newest first; `nextCursor` is null on the last page. */
export type AuditLogPage = { entries: AuditLogEntry[]; nextCursor: string | null };

/**
 * The audit log of `workspaceId`, newest first (by time, then id), a page at a time:
 * pass a page's `nextCursor` as `before` to get the entries after it. Entries appended
 * meanwhile never shift later pages. A cursor that is no entry of this workspace gives
 * an empty page.
 */
export async function listAuditLog(db: Tx, input: ListAuditLogInput): Promise<AuditLogPage> {
  const limit = Math.min(200, Math.max(1, Math.floor(input.limit ?? 50)));
  let where: Prisma.AuditLogWhereInput = { workspaceId: input.workspaceId };
  if (input.before !== undefined) {
    const cursor = await db.auditLog.findFirst({ where: { id: input.before, workspaceId: input.workspaceId }, select: { id: true, createdAt: true } });
    if (!cursor) return { entries: [], nextCursor: null };
    where = {
      workspaceId: input.workspaceId,
      OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
    };
  }
  const rows = await db.auditLog.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
  const entries = rows.slice(0, limit).map(toAuditLogEntry);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > limit && last ? last.id : null };
}
