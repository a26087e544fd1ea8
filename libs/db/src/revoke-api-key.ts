import type { Tx } from './create-db';

/**
 * Revokes an API key of `workspaceId` at `now`: from then on findApiKey no longer
 * finds it. False when there is no such key in that workspace or it is revoked already.
 */
export async function revokeApiKey(db: Tx, input: { workspaceId: string; apiKeyId: string; now?: Date }): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({
    where: { id: input.apiKeyId, workspaceId: input.workspaceId, revokedAt: null },
    data: { revokedAt: input.now ?? new Date() },
  });
  return count === 1;
}
