import { attributeMappingSchema, attributeValuesSchema, elementIdSchema, waitForSchema } from '@parley/elements';
import { z } from 'zod';
import { closeReasonSchema } from './close-reason-schema';
import { userMessageEventSchema } from './engine-event-schema';

/** The session state format this engine writes; older states are migrated forward. */
export const currentSessionSchemaVersion = 2;

/**
 * Where the session is: the element that is waiting, or that ended the session. Inside a
 * component, the ids are the component's (see `frames`).
 */
export const positionSchema = z.object({ dialogId: elementIdSchema, elementId: elementIdSchema });
export type Position = z.infer<typeof positionSchema>;

/**
 * What the element at `position` waits for. `timerId` names the timer whose firing
 * resumes the wait (timeout or delay; null: none). `call` is the awaited call of a
 * `call.result` wait (its command key and call name), else null.
 */
export const waitingStateSchema = z.object({
  waitFor: waitForSchema,
  timerId: z.string().nullable(),
  call: z.object({ key: z.string(), name: z.string() }).nullable(),
});
export type WaitingState = z.infer<typeof waitingStateSchema>;

/**
 * One running component (innermost last): its own attribute values, the Component element
 * that entered it (`caller`, in the scope of the frame below, or of the bot), and the
 * output mappings to apply when it returns.
 */
export const componentFrameSchema = z.object({
  componentId: elementIdSchema,
  caller: positionSchema,
  attributes: attributeValuesSchema,
  outputs: z.array(attributeMappingSchema),
});
export type ComponentFrame = z.infer<typeof componentFrameSchema>;

/** At most this many user messages wait in the buffer; the oldest is dropped first. */
export const maxBufferedMessages = 20;

export const sessionStatusSchema = z.enum(['active', 'closed']);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/**
 * One conversation's state between steps: plain JSON, owned by the engine, stored by
 * the runner. Invariants (checked on parse):
 * - active: waiting, position and expiryTimerId are set, closeReason is null;
 * - closed: waiting and expiryTimerId are null, closeReason is set, no frames, no buffer.
 */
export const sessionStateSchema = z
  .object({
    schemaVersion: z.literal(currentSessionSchemaVersion),
    status: sessionStatusSchema,
    position: positionSchema.nullable(),
    waiting: waitingStateSchema.nullable(),
    /** The bot's attribute values, inbound attributes included. */
    attributes: attributeValuesSchema,
    /** Running components, innermost last ([] when the flow is in the bot's own dialogs). */
    frames: z.array(componentFrameSchema),
    /** User messages received while waiting for a timer or a call, oldest first. */
    buffer: z.array(userMessageEventSchema).max(maxBufferedMessages),
    /** True while the Session Expire dialog runs (the session closes 'expired' when it ends). */
    expiring: z.boolean(),
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
            session.frames.length > 0 && 'a closed session runs no component',
            session.buffer.length > 0 && 'a closed session buffers no message',
          ];
    for (const problem of problems) if (problem) context.addIssue({ code: 'custom', message: problem });
  });
export type SessionState = z.infer<typeof sessionStateSchema>;
