import type { SqlClient } from './sql-client';

/**
 * How many more sessions each workspace may start now: its `maxConcurrentSessions`
 * (else `defaultMax`) minus its active sessions; a workspace with no limit (neither set,
 * or 0) is absent. One statement; a workspace's active sessions are counted only when
 * a limit applies to it. Read under the batch's transaction: sessions starting in other
 * batches at the same moment may take the limit over by a few (a soft limit).
 */
export async function listSessionAllowances(tx: SqlClient, workspaceIds: readonly string[], defaultMax: number): Promise<Map<string, number>> {
  const allowances = new Map<string, number>();
  if (workspaceIds.length === 0) return allowances;
  const rows = await tx.$queryRaw<{ id: string; max: number; active: number }[]>`
    SELECT w."id", COALESCE(w."maxConcurrentSessions", ${defaultMax}::int) AS "max",
      (SELECT count(*) FROM "Session" s WHERE s."workspaceId" = w."id" AND s."status" = 'active')::int AS "active"
    FROM "Workspace" w
    WHERE w."id" = ANY(${[...workspaceIds]}::text[]) AND COALESCE(w."maxConcurrentSessions", ${defaultMax}::int) > 0`;
  for (const row of rows) allowances.set(row.id, Math.max(0, row.max - row.active));
  return allowances;
}
