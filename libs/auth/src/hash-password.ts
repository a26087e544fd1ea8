import { hash } from '@node-rs/argon2';
import { argon2Parameters } from './argon2-parameters';

/**
 * Hashes a password with Argon2id (argon2Parameters) and a fresh random salt; returns
 * the PHC string stored in Account.password. Takes about 20–40 ms of one core.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Parameters);
}
