import { createHash } from 'node:crypto';

/**
 * The checksum Prisma Migrate records in `_prisma_migrations.checksum`: the
 * SHA-256 of the migration.sql bytes as 64 lowercase hex characters.
 */
export function migrationChecksum(script: Buffer | string): string {
  return createHash('sha256').update(script).digest('hex');
}

/**
 * Whether `script` matches a recorded checksum the way Prisma Migrate decides
 * it: the file as is, or with its line endings converted either way (git may
 * rewrite them), compared against the zero-padded hex form or, for rows written
 * by very old Prisma versions, the unpadded one.
 */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const candidates = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')];
  const legacy = checksum.length > 0 && checksum.length !== 64;
  return candidates.some((candidate) => {
    const digest = createHash('sha256').update(candidate, 'utf8').digest();
    const rendered = legacy ? Array.from(digest, (byte) => byte.toString(16)).join('') : digest.toString('hex');
    return rendered === checksum;
  });
}
