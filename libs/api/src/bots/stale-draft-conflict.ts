import { TRPCError } from '@trpc/server';
import { findUserNames, type StaleDraftError, type Tx } from '@parley/db';
import type { Principal } from '../create-context';

/**
 * The CONFLICT a save gets when the draft moved on since the caller loaded it, naming
 * who saved it when that is known, so a person knows whom to talk to (or that it was
 * their own other tab):
 * - "Ana Lopez saved this bot after you loaded it: it is at revision 7, not 6. Reload it before saving."
 * - "You saved this bot in another tab or window: it is at revision 7, not 6. …"
 * - otherwise "The draft was saved by someone else: it is at revision 7, not 6. …"
 */
export async function staleDraftConflict(db: Tx, principal: Principal, error: StaleDraftError): Promise<TRPCError> {
  const where = `it is at revision ${error.currentRevision}, not ${error.expectedRevision}. Reload it before saving.`;
  const saver = error.currentUpdatedBy;
  let message = `The draft was saved by someone else: ${where}`;
  if (saver !== null && principal.kind === 'user' && saver === principal.userId) {
    message = `You saved this bot in another tab or window: ${where}`;
  } else if (saver !== null) {
    const name = (await findUserNames(db, [saver])).get(saver);
    if (name !== undefined) message = `${name} saved this bot after you loaded it: ${where}`;
  }
  return new TRPCError({ code: 'CONFLICT', message, cause: error });
}
