import { betterAuth } from 'better-auth/minimal';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import type { Db } from '@parley/db';
import { authRateLimits } from './auth-rate-limits';
import { clientIpHeader } from './client-ip-header';
import { deriveAuthSecret } from './derive-auth-secret';
import { hashPassword } from './hash-password';
import { verifyPassword } from './verify-password';

/** A user better-auth has just created (sign-up, or a seed through its API). */
export type CreatedUser = { id: string; email: string; name: string };

/** Where better-auth's own log lines go (the host's logger); absent: nowhere. */
export type AuthLog = (level: 'debug' | 'info' | 'warn' | 'error', message: string, details: unknown[]) => void;

export type CreateAuthOptions = {
  db: Db;
  /** PARLEY_SECRET_KEY (64 hex characters); better-auth gets a key derived from it (deriveAuthSecret). */
  secretKey: string;
  /**
   * The origin people reach the editor and the API at (PUBLIC_URL), e.g.
   * `https://parley.example.com`: better-auth's base URL (routes under `/api/auth`),
   * a trusted origin, and, when https, the reason cookies are `Secure` and
   * `__Secure-`-prefixed.
   */
  publicUrl: string;
  /** More origins allowed to send cookie-carrying requests (TRUSTED_ORIGINS). */
  trustedOrigins?: readonly string[];
  /**
   * Runs once per new user, after the user's rows are committed and before the
   * sign-up answers (the host creates the user's first workspace here). If it throws,
   * the sign-up answers an error but the user exists (without a workspace).
   */
  onUserCreated?: (user: CreatedUser) => Promise<void>;
  log?: AuthLog;
};

/**
 * Parley's better-auth instance: email and password accounts (passwords of 10 to 128
 * characters, Argon2id: hashPassword), database sessions in AuthSession (with
 * `activeWorkspaceId`, which clients cannot set), cookies named `parley.*` that are
 * httpOnly, SameSite=Lax, Path=/ and Secure when publicUrl is https; Origin checks on
 * every cookie-carrying state-changing auth request in every mode (better-auth skips
 * them under NODE_ENV=test by default: turned back on here); rate limits (authRateLimits)
 * in the RateLimit table, on in every mode (better-auth's default is production only),
 * keyed by the address in the `clientIpHeader` header the host sets. Writes of one
 * request run in one transaction. Unexpected errors are thrown to the host (never
 * rendered by better-auth), which answers without details.
 * Its routes are served by `auth.handler(request)` under `/api/auth`.
 */
export function createAuth(options: CreateAuthOptions) {
  const { log, onUserCreated } = options;
  const publicOrigin = new URL(options.publicUrl).origin;
  return betterAuth({
    appName: 'Parley',
    baseURL: publicOrigin,
    basePath: '/api/auth',
    secret: deriveAuthSecret(options.secretKey),
    trustedOrigins: [publicOrigin, ...(options.trustedOrigins ?? []).map((origin) => new URL(origin).origin)],
    database: prismaAdapter(options.db, { provider: 'postgresql', transaction: true }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: true,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: {
      modelName: 'authSession',
      additionalFields: {
        activeWorkspaceId: { type: 'string', required: false, input: false },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: authRateLimits.default.window,
      max: authRateLimits.default.max,
      customRules: {
        '/sign-in/*': authRateLimits.credentials,
        '/sign-up/*': authRateLimits.credentials,
      },
    },
    advanced: {
      cookiePrefix: 'parley',
      useSecureCookies: publicOrigin.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
      disableCSRFCheck: false,
      disableOriginCheck: false,
    },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await onUserCreated?.({ id: user.id, email: user.email, name: user.name });
          },
        },
      },
    },
    onAPIError: { throw: true },
    logger: {
      disabled: log === undefined,
      level: 'warn',
      log: (level, message, ...details: unknown[]) => log?.(level, message, details),
    },
    telemetry: { enabled: false },
  });
}

/** The better-auth instance createAuth returns. */
export type ParleyAuth = ReturnType<typeof createAuth>;
