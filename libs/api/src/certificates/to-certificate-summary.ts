import { X509Certificate } from 'node:crypto';
import type { ClientCertificateSummary } from '@parley/db';
import type { CertificateSummary } from './certificate-schemas';

/**
 * The API view of a stored certificate. Stored PEMs were checked at creation, so
 * the leaf parses; should it not, the details are empty rather than the listing failing.
 */
export function toCertificateSummary(row: ClientCertificateSummary): CertificateSummary {
  const base = { id: row.id, name: row.name, hasCa: row.ca !== null, createdAt: row.createdAt };
  try {
    const leaf = new X509Certificate(row.certificate);
    return {
      ...base,
      subject: leaf.subject,
      issuer: leaf.issuer,
      validFrom: new Date(leaf.validFrom),
      validTo: new Date(leaf.validTo),
      fingerprint256: leaf.fingerprint256,
    };
  } catch {
    return { ...base, subject: '', issuer: '', validFrom: new Date(0), validTo: new Date(0), fingerprint256: '' };
  }
}
