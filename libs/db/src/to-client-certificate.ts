import type { ClientCertificate as ClientCertificateRow } from './generated/client';
import { openSecret } from './secret-box';

/** A client certificate as listed: everything but the private key. */
export type ClientCertificateSummary = Omit<ClientCertificateRow, 'key'>;

/** A client certificate ready to present: the private key decrypted (PEM). */
export type ClientCertificate = ClientCertificateSummary & { key: string };

/** The additional authenticated data binding a certificate's sealed key to its row. */
export function clientCertificateKeyContext(certificateId: string): string {
  return `client-certificate:${certificateId}`;
}

/** The row without its sealed key. */
export function toClientCertificateSummary(row: ClientCertificateRow): ClientCertificateSummary {
  return { id: row.id, workspaceId: row.workspaceId, name: row.name, certificate: row.certificate, ca: row.ca, createdAt: row.createdAt };
}

/** The row with its key opened; throws SecretBoxError if it does not open under `secretKey`. */
export function toClientCertificate(row: ClientCertificateRow, secretKey: string): ClientCertificate {
  return { ...toClientCertificateSummary(row), key: openSecret(row.key, secretKey, clientCertificateKeyContext(row.id)) };
}
