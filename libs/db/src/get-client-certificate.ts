import type { Tx } from './create-db';
import { toClientCertificate, type ClientCertificate } from './to-client-certificate';

/**
 * Client certificate `id` of workspace `workspaceId` with its key decrypted, or
 * null when there is none IN THAT WORKSPACE (another workspace's id is as unknown
 * as a made-up one). Throws SecretBoxError if the key does not open under `secretKey`.
 */
export async function getClientCertificate(
  db: Tx,
  ref: { workspaceId: string; id: string },
  secretKey: string,
): Promise<ClientCertificate | null> {
  const row = await db.clientCertificate.findFirst({ where: { id: ref.id, workspaceId: ref.workspaceId } });
  return row ? toClientCertificate(row, secretKey) : null;
}
