import { verify } from '@node-rs/argon2';

/**
 * Whether `password` matches `hash` (a PHC string from hashPassword, whatever
 * parameters it was made with). A malformed or non-Argon2 hash is a mismatch, never
 * an error: sign-in then answers "invalid email or password" like any wrong password.
 */
export async function verifyPassword(input: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(input.hash, input.password);
  } catch {
    return false;
  }
}
