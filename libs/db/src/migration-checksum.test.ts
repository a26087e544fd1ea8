import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrationChecksum, scriptMatchesChecksum } from './migration-checksum';

const script = '-- CreateTable\nCREATE TABLE "A" ("id" TEXT);\n';
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('migration checksums', () => {
  it('is the sha256 hex of the file bytes, as Prisma records it', () => {
    expect(migrationChecksum(Buffer.from(script))).toBe(sha(script));
    expect(migrationChecksum(script)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches across line-ending conversions, like Prisma', () => {
    const crlf = script.replaceAll('\n', '\r\n');
    expect(scriptMatchesChecksum(script, sha(script))).toBe(true);
    expect(scriptMatchesChecksum(crlf, sha(script))).toBe(true);
    expect(scriptMatchesChecksum(script, sha(crlf))).toBe(true);
  });

  it('matches legacy unpadded checksums and rejects edited scripts', () => {
    const digest = createHash('sha256').update(script).digest();
    const unpadded = Array.from(digest, (byte) => byte.toString(16)).join('');
    expect(unpadded).not.toHaveLength(64); // this script's digest has bytes below 0x10
    expect(scriptMatchesChecksum(script, unpadded)).toBe(true);
    expect(scriptMatchesChecksum(`${script}-- edited\n`, sha(script))).toBe(false);
  });
});
