import { randomUUID } from 'node:crypto';
import { z } from 'zod';

const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });
/** better-auth's answer to sign-up and sign-in. */
export const signedInSchema = z.object({ user: userSchema });
/** better-auth's answer to get-session: null when not signed in. */
export const currentSessionSchema = z.object({ user: userSchema, session: z.object({ id: z.string(), activeWorkspaceId: z.string().nullish() }) }).nullable();
/** Parley's error answers. */
export const errorAnswerSchema = z.object({ error: z.string(), message: z.string() });

/** A response's JSON body, checked against `schema`. */
export async function readJson<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(await response.json());
}

/** A made-up client address (documentation range 198.18.0.0/15), one per test, so rate limits of tests never meet. */
export function clientAddress(): string {
  const bytes = randomUUID().replace(/-/g, '');
  return `198.18.${Number.parseInt(bytes.slice(0, 2), 16)}.${Number.parseInt(bytes.slice(2, 4), 16)}`;
}

export type Credentials = { email: string; password: string; name: string };

/** A fresh user's credentials. */
export function newCredentials(name = 'Ada Lovelace'): Credentials {
  return { email: `user-${randomUUID()}@example.com`, password: `pw-${randomUUID()}`, name };
}

export type CallOptions = { ip: string; cookie?: string; origin?: string; referer?: string; authorization?: string };

function headersFor(options: CallOptions, json: boolean): Record<string, string> {
  return {
    'x-forwarded-for': options.ip,
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...(options.cookie ? { cookie: options.cookie } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.referer ? { referer: options.referer } : {}),
    ...(options.authorization ? { authorization: options.authorization } : {}),
  };
}

/** POST `body` as JSON to `url`. */
export function postJson(url: string, body: unknown, options: CallOptions): Promise<Response> {
  return fetch(url, { method: 'POST', headers: headersFor(options, true), body: JSON.stringify(body) });
}

/** GET `url`. */
export function get(url: string, options: CallOptions): Promise<Response> {
  return fetch(url, { headers: headersFor(options, false) });
}

export function signUp(apiUrl: string, credentials: Credentials, options: CallOptions): Promise<Response> {
  return postJson(`${apiUrl}/api/auth/sign-up/email`, credentials, options);
}

export function signIn(apiUrl: string, credentials: { email: string; password: string }, options: CallOptions): Promise<Response> {
  return postJson(`${apiUrl}/api/auth/sign-in/email`, { email: credentials.email, password: credentials.password }, options);
}

/** The `name=value` of the session token cookie among a response's Set-Cookie headers (for a Cookie header). */
export function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((line) => /^(__Secure-)?parley\.session_token=/.test(line));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(response.headers.getSetCookie())}`);
  return cookie.split(';')[0] ?? '';
}

/**
 * Signs up a fresh user as the editor's page would (from `origin`: browsers send Origin,
 * and Node's fetch, like a browser, sends Sec-Fetch-Mode, with which better-auth
 * requires it) and returns their credentials and session cookie.
 */
export async function signedUpUser(apiUrl: string, options: { ip: string; origin: string }, name?: string): Promise<Credentials & { cookie: string; userId: string }> {
  const credentials = newCredentials(name);
  const response = await signUp(apiUrl, credentials, options);
  if (response.status !== 200) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const { user } = await readJson(response, signedInSchema);
  return { ...credentials, cookie: sessionCookie(response), userId: user.id };
}
