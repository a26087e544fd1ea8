import { describe, expect, it } from 'vitest';
import { hashPassword } from './hash-password';
import { verifyPassword } from './verify-password';

describe('hashPassword / verifyPassword', () => {
  it('hashes with Argon2id at m=19456 KiB, t=2, p=1 and a fresh salt each time', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
  });

  it('accepts the password and refuses any other', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword({ hash, password: 'correct horse battery' })).toBe(true);
    expect(await verifyPassword({ hash, password: 'correct horse batterY' })).toBe(false);
  });

  it('treats a malformed or foreign hash as a mismatch, not an error', async () => {
    expect(await verifyPassword({ hash: 'not a hash', password: 'x' })).toBe(false);
    expect(await verifyPassword({ hash: 'a1b2c3:deadbeef', password: 'x' })).toBe(false);
  });
});
