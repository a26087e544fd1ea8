import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, parseSecretKey, sealSecret, SecretBoxError } from './secret-box';

const key = randomBytes(32).toString('hex');

/** Flips one bit of the base64url part at `index` of a sealed value. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('secret box', () => {
  it('round-trips and never reveals the plaintext', () => {
    const sealed = sealSecret('{"token":"s3cr3t"}', key, 'channel:1');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('s3cr3t');
    expect(openSecret(sealed, key, 'channel:1')).toBe('{"token":"s3cr3t"}');
  });

  it('uses a fresh IV every time', () => {
    expect(sealSecret('same', key, 'c')).not.toBe(sealSecret('same', key, 'c'));
  });

  it('refuses tampered ciphertext, tag or IV', () => {
    const sealed = sealSecret('hello world', key, 'c');
    for (const index of [1, 2, 3]) {
      expect(() => openSecret(tamper(sealed, index), key, 'c')).toThrow(SecretBoxError);
    }
  });

  it('refuses the wrong key and the wrong context', () => {
    const sealed = sealSecret('hello', key, 'channel:a');
    expect(() => openSecret(sealed, randomBytes(32).toString('hex'), 'channel:a')).toThrow(SecretBoxError);
    expect(() => openSecret(sealed, key, 'channel:b')).toThrow(SecretBoxError);
  });

  it('refuses malformed input and malformed keys', () => {
    expect(() => openSecret('plain text', key, 'c')).toThrow(SecretBoxError);
    expect(() => openSecret('v2.a.b.c', key, 'c')).toThrow(SecretBoxError);
    expect(() => parseSecretKey('abc')).toThrow(SecretBoxError);
    expect(() => parseSecretKey('z'.repeat(64))).toThrow(SecretBoxError);
    expect(parseSecretKey(key)).toHaveLength(32);
  });
});
