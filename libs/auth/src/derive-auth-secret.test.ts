import { describe, expect, it } from 'vitest';
import { deriveAuthSecret } from './derive-auth-secret';

const key = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

describe('deriveAuthSecret', () => {
  it('derives 32 bytes (hex) that are not the key, the same in every process', () => {
    const secret = deriveAuthSecret(key);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(secret).not.toBe(key);
    expect(deriveAuthSecret(key.toUpperCase())).toBe(secret);
  });

  it('gives another secret for another key', () => {
    expect(deriveAuthSecret(key.replace('00', '01'))).not.toBe(deriveAuthSecret(key));
  });

  it('refuses a key that is not 64 hex characters', () => {
    expect(() => deriveAuthSecret('abc')).toThrow(/64 hex/);
  });
});
