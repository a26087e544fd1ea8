import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption for secrets at rest (channel tokens, webhook
 * secrets): AES-256-GCM with a fresh 96-bit IV per message.
 *
 * Sealed format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. `context`
 * is bound as additional authenticated data (repositories pass the owning row's
 * id), so a sealed value copied into another row does not open there.
 */

const version = 'v1';
const ivBytes = 12;
const tagBytes = 16;

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

/** Parses a 32-byte key given as 64 hex characters; throws SecretBoxError otherwise. */
export function parseSecretKey(keyHex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(keyHex)) {
    throw new SecretBoxError('Secret key must be 32 bytes written as 64 hex characters');
  }
  return Buffer.from(keyHex, 'hex');
}

/** Encrypts `plaintext` under `keyHex`, bound to `context`. Never returns the same output twice. */
export function sealSecret(plaintext: string, keyHex: string, context: string): string {
  const key = parseSecretKey(keyHex);
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [version, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/**
 * Decrypts a value made by `sealSecret` with the same key and context. Throws
 * SecretBoxError when the value is malformed, was tampered with, or the key or
 * context differ: it never returns unauthenticated bytes.
 */
export function openSecret(sealed: string, keyHex: string, context: string): string {
  const key = parseSecretKey(keyHex);
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== version) throw new SecretBoxError('Not a sealed secret (expected v1.<iv>.<tag>.<ciphertext>)');
  const [, ivText = '', tagText = '', ciphertextText = ''] = parts;
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== ivBytes || tag.length !== tagBytes) throw new SecretBoxError('Sealed secret has a malformed IV or tag');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('Sealed secret failed authentication (wrong key, wrong context or tampered data)');
  }
}
