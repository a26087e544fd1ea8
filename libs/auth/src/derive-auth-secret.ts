import { hkdfSync } from 'node:crypto';

/** HKDF `info` naming what the derived key is for; changing it signs everyone out. */
const authSecretInfo = 'parley/better-auth/secret/v1';

/**
 * better-auth's `secret` (it signs session cookies and encrypts its tokens), derived
 * from PARLEY_SECRET_KEY (64 hex characters, 32 bytes) with HKDF-SHA-256 and an info
 * string of its own. better-auth never sees the raw key, which also seals channel
 * secrets at rest: a leak of one derived key says nothing about the other uses.
 * Deterministic: every API process derives the same secret from the same key.
 * Returns 64 hex characters (32 bytes).
 */
export function deriveAuthSecret(secretKey: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(secretKey)) throw new Error('PARLEY_SECRET_KEY must be 64 hex characters (32 bytes)');
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'hex'), new Uint8Array(0), authSecretInfo, 32)).toString('hex');
}
