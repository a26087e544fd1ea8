import { elementEndReasonSchema } from '@parley/elements';
import { z } from 'zod';

/**
 * Why a session closed:
 * - completed: a Close session element ran, or a fallback with action 'end';
 * - handoff: the conversation went to a human agent (To Agent, fallback action 'agent');
 * - end-of-flow: the flow left through an unconnected port;
 * - expired: the session-expiry timer fired (settings.sessionTimeoutSeconds of inactivity),
 *   after the Session Expire dialog ran when there is one;
 * - error: the engine could not go on (loop limit, broken flow); the step outcome says why.
 */
export const closeReasonSchema = z.enum([...elementEndReasonSchema.options, 'end-of-flow', 'expired', 'error']);
export type CloseReason = z.infer<typeof closeReasonSchema>;
