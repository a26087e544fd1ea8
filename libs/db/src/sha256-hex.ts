import { createHash } from 'node:crypto';

/** SHA-256 of the UTF-8 bytes of `value`, as 64 lowercase hex characters. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
