import type { SqlClient } from './sql-client';

/** A workspace's own limits; null where the operator's default applies. */
export type WorkspaceLimits = { inboundRatePerSecond: number | null; maxConcurrentSessions: number | null };

/** The workspace's limit overrides, or null when there is no such workspace. Raw SQL: runs on any SqlClient. */
export async function getWorkspaceLimits(db: SqlClient, workspaceId: string): Promise<WorkspaceLimits | null> {
  const [row] = await db.$queryRaw<WorkspaceLimits[]>`
    SELECT "inboundRatePerSecond", "maxConcurrentSessions" FROM "Workspace" WHERE "id" = ${workspaceId}`;
  return row ?? null;
}
