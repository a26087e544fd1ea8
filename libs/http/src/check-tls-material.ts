import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

export type TlsMaterialField = 'certificate' | 'key' | 'ca';

export type TlsMaterialCheck =
  | {
      ok: true;
      /** The leaf certificate's subject, issuer, validity and SHA-256 fingerprint (for listings). */
      leaf: { subject: string; issuer: string; validFrom: Date; validTo: Date; fingerprint256: string } | null;
    }
  | { ok: false; field: TlsMaterialField; message: string };

/**
 * Checks TLS material before it is stored or used: every PEM block parses
 * (certificate chain, CA bundle, private key — unencrypted PEM only), the key
 * belongs to the leaf certificate, and the leaf is currently valid at `now`.
 * A failure names the field at fault. Never echoes key material.
 */
export function checkTlsMaterial(
  material: { certificate?: string | undefined; key?: string | undefined; ca?: string | undefined },
  now: Date = new Date(),
): TlsMaterialCheck {
  let leaf: X509Certificate | null = null;
  if (material.certificate !== undefined) {
    const chain = parseCertificates(material.certificate);
    if (!chain) return { ok: false, field: 'certificate', message: 'certificate: not a PEM certificate (or chain)' };
    leaf = chain[0] ?? null;
  }
  if (material.ca !== undefined && !parseCertificates(material.ca)) {
    return { ok: false, field: 'ca', message: 'ca: not a PEM certificate bundle' };
  }
  if ((material.certificate === undefined) !== (material.key === undefined)) {
    return material.key === undefined
      ? { ok: false, field: 'key', message: 'key: required with a certificate' }
      : { ok: false, field: 'certificate', message: 'certificate: required with a key' };
  }
  if (material.key !== undefined && leaf) {
    const key = parseKey(material.key);
    if (!key) return { ok: false, field: 'key', message: 'key: not an unencrypted PEM private key' };
    if (!leaf.checkPrivateKey(key)) return { ok: false, field: 'key', message: 'key: does not match the certificate' };
    if (now < new Date(leaf.validFrom) || now > new Date(leaf.validTo)) {
      return { ok: false, field: 'certificate', message: `certificate: not valid now (valid ${leaf.validFrom} to ${leaf.validTo})` };
    }
  }
  return {
    ok: true,
    leaf: leaf
      ? {
          subject: leaf.subject,
          issuer: leaf.issuer,
          validFrom: new Date(leaf.validFrom),
          validTo: new Date(leaf.validTo),
          fingerprint256: leaf.fingerprint256,
        }
      : null,
  };
}

const certificateBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate block, or null when there is none or one does not parse. */
function parseCertificates(pem: string): X509Certificate[] | null {
  const blocks = pem.match(certificateBlock);
  if (!blocks) return null;
  try {
    return blocks.map((block) => new X509Certificate(block));
  } catch {
    return null;
  }
}

function parseKey(pem: string): KeyObject | null {
  if (!/-----BEGIN (?:RSA |EC )?PRIVATE KEY-----/.test(pem)) return null;
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    return null;
  }
}
