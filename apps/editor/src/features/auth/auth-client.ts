/**
 * The browser side of signing in and managing one's account: POSTs to better-auth
 * under `/api/auth` on this origin (the editor forwards them to the API, cookies
 * and Origin included). Every failure becomes an Error whose message a person can
 * read: better-auth's own message when it gave one.
 */
export async function postAuth(path: string, body: Record<string, unknown> = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new Error('Cannot reach the editor: check your connection and try again.');
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(authErrorMessage(response.status, data));
  return data;
}

/** What to tell a person about a refused auth request (`body`: its parsed JSON, if any). */
export function authErrorMessage(status: number, body: unknown): string {
  const message = body !== null && typeof body === 'object' && 'message' in body && typeof body.message === 'string' && body.message.trim() ? body.message.trim() : undefined;
  if (status === 429) return `Too many attempts: wait a minute, then try again.${message && !/too many/i.test(message) ? ` (${message})` : ''}`;
  if (message) return /[.!?]$/.test(message) ? message : `${message}.`;
  if (status >= 500) return `The server could not do this right now (HTTP ${status}). Try again in a moment.`;
  return `The request was refused (HTTP ${status}).`;
}
