import type { ElementContext } from '../element-definition';
import type { ElementOutcome } from '../element-outcome-schema';
import type { CloseSession } from './schema';

/** Always ends the session as 'completed'. */
export function runCloseSession(_element: CloseSession, _context: ElementContext): ElementOutcome {
  return { kind: 'end', reason: 'completed', effects: [], attributes: {} };
}
