// @parley/auth: sign-up, sign-in and sessions (better-auth), and Parley's password hashing.
export { createAuth, type AuthLog, type CreateAuthOptions, type CreatedUser, type ParleyAuth } from './create-auth';
export { authRateLimits } from './auth-rate-limits';
export { argon2Parameters } from './argon2-parameters';
export { clientIpHeader } from './client-ip-header';
export { deriveAuthSecret } from './derive-auth-secret';
export { hashPassword } from './hash-password';
export { verifyPassword } from './verify-password';
