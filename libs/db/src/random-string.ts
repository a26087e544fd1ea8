import { randomInt } from 'node:crypto';

/**
 * `length` characters drawn uniformly and independently from `alphabet` with the
 * operating system's CSPRNG (no modulo bias): fit for secrets, e.g. API keys.
 */
export function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet.charAt(randomInt(alphabet.length));
  return out;
}
