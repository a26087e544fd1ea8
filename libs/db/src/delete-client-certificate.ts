import type { Tx } from './create-db';

/**
 * Deletes client certificate `id` of workspace `workspaceId`. Resolves false when
 * there is none in that workspace. Elements still naming it then fail with the
 * `certificate` error code.
 */
export async function deleteClientCertificate(db: Tx, ref: { workspaceId: string; id: string }): Promise<boolean> {
  const { count } = await db.clientCertificate.deleteMany({ where: { id: ref.id, workspaceId: ref.workspaceId } });
  return count > 0;
}
