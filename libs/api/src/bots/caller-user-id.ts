import type { Principal } from '../create-context';

/** The user id to record as a bot's saver or publisher: the signed-in person's; null for an API key. */
export function callerUserId(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.userId : null;
}
