import { randomUUID } from 'node:crypto';
import type { Tx } from './create-db';
import { sealSecret } from './secret-box';
import { clientCertificateKeyContext, toClientCertificateSummary, type ClientCertificateSummary } from './to-client-certificate';

export type CreateClientCertificateInput = {
  workspaceId: string;
  /** Unique within the workspace. */
  name: string;
  /** PEM certificate chain, leaf first. */
  certificate: string;
  /** PEM private key (unencrypted); stored only sealed with AES-256-GCM, bound to the new row's id. */
  key: string;
  /** PEM CA bundle trusted for servers contacted with this certificate (replaces the default roots). */
  ca?: string | undefined;
};

/**
 * Stores a workspace's client certificate for mTLS. The PEMs are stored as given:
 * callers check them first (`checkTlsMaterial` of `@parley/http`: parse, key
 * matches certificate). Returns the summary, never the key. A taken name fails
 * with Prisma's unique-constraint error (P2002, see isUniqueConstraintError).
 */
export async function createClientCertificate(db: Tx, input: CreateClientCertificateInput, secretKey: string): Promise<ClientCertificateSummary> {
  const id = randomUUID();
  const row = await db.clientCertificate.create({
    data: {
      id,
      workspaceId: input.workspaceId,
      name: input.name,
      certificate: input.certificate,
      key: sealSecret(input.key, secretKey, clientCertificateKeyContext(id)),
      ca: input.ca ?? null,
    },
  });
  return toClientCertificateSummary(row);
}
