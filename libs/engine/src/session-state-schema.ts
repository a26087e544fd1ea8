import { attributeValuesSchema, elementIdSchema, waitForSchema } from '@parley/elements';
import { z } from 'zod';
import { closeReasonSchema } from './close-reason-schema';

/** The session state format this engine writes; older states are migrated forward. */
export const currentSessionSchemaVersion = 1;

/** Where the session is: the element that is waiting, or that ended the session. */
export const positionSchema = z.object({ dialogId: elementIdSchema, elementId: elementIdSchema });
export type Position = z.infer<typeof positionSchema>;

/**
 * What the element at `position` waits for. `timerId` names the timer whose firing
 * resumes the wait as a timeout (null: no timeout).
 */
export const waitingStateSchema = z.object({
  waitFor: waitForSchema,
  timerId: z.string().nullable(),
});
export type WaitingState = z.infer<typeof waitingStateSchema>;

export const sessionStatusSchema = z.enum(['active', 'closed']);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/**
 * One conversation's state between steps: plain JSON, owned by the engine, stored by
 * the runner. Invariants (checked on parse):
 * - active: waiting, position and expiryTimerId are set, closeReason is null;
 * - closed: waiting and expiryTimerId are null, closeReason is set.
 */
export const sessionStateSchema = z
  .object({
    schemaVersion: z.literal(currentSessionSchemaVersion),
    status: sessionStatusSchema,
    position: positionSchema.nullable(),
    waiting: waitingStateSchema.nullable(),
    attributes: attributeValuesSchema,
    /** Number of accepted steps (ignored events do not count); keys and timer ids embed it. */
    turn: z.number().int().min(0),
    /** deps.now of the first and of the latest accepted step. */
    startedAt: z.number(),
    updatedAt: z.number(),
    /** The armed session-expiry timer. */
    expiryTimerId: z.string().nullable(),
    closeReason: closeReasonSchema.nullable(),
  })
  .superRefine((session, context) => {
    const problems =
      session.status === 'active'
        ? [
            session.waiting === null && 'an active session must be waiting',
            session.position === null && 'an active session must have a position',
            session.expiryTimerId === null && 'an active session must have an expiry timer',
            session.closeReason !== null && 'an active session has no close reason',
          ]
        : [
            session.waiting !== null && 'a closed session waits for nothing',
            session.expiryTimerId !== null && 'a closed session has no expiry timer',
            session.closeReason === null && 'a closed session must have a close reason',
          ];
    for (const problem of problems) if (problem) context.addIssue({ code: 'custom', message: problem });
  });
export type SessionState = z.infer<typeof sessionStateSchema>;
