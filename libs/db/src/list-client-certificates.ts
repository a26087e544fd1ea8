import type { Tx } from './create-db';
import { toClientCertificateSummary, type ClientCertificateSummary } from './to-client-certificate';

/** The workspace's client certificates by name, without their keys. */
export async function listClientCertificates(db: Tx, workspaceId: string): Promise<ClientCertificateSummary[]> {
  const rows = await db.clientCertificate.findMany({ where: { workspaceId }, orderBy: { name: 'asc' } });
  return rows.map(toClientCertificateSummary);
}
