import type { Tx } from './create-db';
import { apiKeySummarySelect, toApiKeySummary, type ApiKeySummary } from './to-api-key-summary';

/** Every API key of `workspaceId`, revoked ones included, newest first; never a key or hash. */
export async function listApiKeys(db: Tx, workspaceId: string): Promise<ApiKeySummary[]> {
  const rows = await db.apiKey.findMany({
    where: { workspaceId },
    select: apiKeySummarySelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map(toApiKeySummary);
}
