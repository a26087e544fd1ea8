import { createHash } from 'node:crypto';

const algorithms = new Set(['md5', 'sha1', 'sha256', 'sha512']);

/**
 * `encryptionUtils.<algorithm>(text)` on the host: the hex digest of the text's UTF-8
 * bytes. Called from inside the isolate through an `ivm.Callback`, so both arguments
 * arrive as copies and are checked here: anything but a known algorithm and a string
 * throws a TypeError, which the script sees as its own exception.
 */
export function hashText(algorithm: unknown, text: unknown): string {
  if (typeof algorithm !== 'string' || !algorithms.has(algorithm)) throw new TypeError('encryptionUtils: unknown hash algorithm');
  if (typeof text !== 'string') throw new TypeError(`encryptionUtils.${algorithm}: expected a text`);
  return createHash(algorithm).update(text, 'utf8').digest('hex');
}
