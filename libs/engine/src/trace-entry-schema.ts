import { attributeValueSchema } from '@parley/elements';
import { z } from 'zod';
import { timerKindSchema } from './command-schema';

const componentId = z.string().optional();

/**
 * What happened inside one step, in order: for the editor's simulator and for tests.
 * Not stored in the session, not needed by the runner (it may log it).
 * `componentId` is set when the thing happened inside a component.
 */
export const traceEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('element-entered'), dialogId: z.string(), elementId: z.string(), elementType: z.string(), componentId }),
  z.object({ kind: z.literal('element-resumed'), dialogId: z.string(), elementId: z.string(), event: z.string(), componentId }),
  z.object({ kind: z.literal('attribute-set'), name: z.string(), value: attributeValueSchema, componentId }),
  z.object({ kind: z.literal('attribute-rejected'), name: z.string(), message: z.string(), componentId }),
  z.object({ kind: z.literal('dialog-entered'), dialogId: z.string(), componentId }),
  z.object({ kind: z.literal('component-entered'), componentId: z.string() }),
  /** The component's flow ended: outputs were copied back. */
  z.object({ kind: z.literal('component-returned'), componentId: z.string() }),
  /** The component was abandoned (the bot's default fallback, session expiry): no outputs. */
  z.object({ kind: z.literal('component-left'), componentId: z.string() }),
  z.object({
    kind: z.literal('fallback-applied'),
    elementId: z.string(),
    source: z.enum(['element', 'bot']),
    action: z.enum(['dialog', 'agent', 'port', 'end']),
  }),
  z.object({ kind: z.literal('call-emitted'), key: z.string(), name: z.string() }),
  z.object({ kind: z.literal('call-resumed'), key: z.string(), name: z.string(), ok: z.boolean() }),
  z.object({ kind: z.literal('call-ignored'), key: z.string() }),
  z.object({ kind: z.literal('timer-set'), timerId: z.string(), timerKind: timerKindSchema, dueAt: z.number() }),
  z.object({ kind: z.literal('timer-fired'), timerId: z.string() }),
  z.object({ kind: z.literal('timer-ignored'), timerId: z.string() }),
  z.object({ kind: z.literal('message-buffered'), messageId: z.string() }),
  z.object({ kind: z.literal('message-delivered'), messageId: z.string() }),
  z.object({
    kind: z.literal('message-dropped'),
    messageId: z.string(),
    reason: z.enum(['buffer-full', 'session-closed', 'session-expired']),
  }),
  z.object({ kind: z.literal('session-expiring'), dialogId: z.string() }),
]);
export type TraceEntry = z.infer<typeof traceEntrySchema>;
