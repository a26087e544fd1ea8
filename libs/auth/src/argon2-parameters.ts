import type { Options } from '@node-rs/argon2';

/**
 * Argon2id at OWASP's minimum for Argon2id (Password Storage Cheat Sheet): 19 MiB of
 * memory (m=19456 KiB), 2 passes (t=2), one lane (p=1); 16-byte salt, 32-byte tag.
 * Hashes are PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$…`) that carry their own
 * parameters, so raising these later still verifies older hashes.
 * `algorithm: 2` is @node-rs/argon2's `Algorithm.Argon2id` (an ambient const enum,
 * which isolatedModules cannot reference by name).
 */
export const argon2Parameters: Required<Pick<Options, 'algorithm' | 'memoryCost' | 'timeCost' | 'parallelism' | 'outputLen'>> = {
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
};
