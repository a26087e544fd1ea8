import { z } from 'zod';
import { elementIdSchema } from '../element-base-schema';
import { messageTextSchema } from '../message-text-schema';

/** The message a fallback sends first: `text` or one of its variations, picked at random. */
export const fallbackMessageSchema = z.strictObject({
  text: messageTextSchema.meta({ title: 'Message' }),
  variations: z
    .array(messageTextSchema)
    .max(10)
    .optional()
    .meta({ description: 'Alternative texts, one picked at random.', title: 'Message variations', itemTitle: 'Variation' }),
});
export type FallbackMessage = z.infer<typeof fallbackMessageSchema>;

/** Inbox tag or queue names used by agent transfers. */
export const inboxNameSchema = z.string().min(1).max(100);

export const fallbackDialogActionSchema = z
  .strictObject({
    type: z.literal('dialog'),
    dialogId: elementIdSchema.meta({ description: 'Dialog to go to (in the scope of the element: its bot or component).', title: 'Dialog', editor: 'dialog' }),
  })
  .meta({ title: 'Go to a dialog' });
export const fallbackAgentActionSchema = z
  .strictObject({
    type: z.literal('agent'),
    queue: inboxNameSchema.optional().meta({ description: 'Agent queue; the default queue when omitted.', title: 'Queue' }),
    tags: z
      .array(inboxNameSchema)
      .max(20)
      .optional()
      .meta({ description: 'Conversation tags to add before the transfer.', title: 'Tags', itemTitle: 'Tag' }),
  })
  .meta({ title: 'Transfer to an agent' });
export const fallbackPortActionSchema = z.strictObject({ type: z.literal('port') }).meta({ title: 'Continue through the Fallback port' });
export const fallbackEndActionSchema = z.strictObject({ type: z.literal('end') }).meta({ title: 'Close the session' });

/**
 * What happens after the fallback message:
 * - dialog: go to that dialog's start element;
 * - agent: transfer to an agent (a `handoff` call) and end the session ('handoff');
 * - port: leave the element through its 'fallback' port (unconnected: end-of-flow);
 * - end: close the session ('completed').
 */
export const fallbackActionSchema = z.discriminatedUnion('type', [
  fallbackDialogActionSchema,
  fallbackAgentActionSchema,
  fallbackPortActionSchema,
  fallbackEndActionSchema,
]);
export type FallbackAction = z.infer<typeof fallbackActionSchema>;

/** An element's own fallback (API, User response, Save user response ... when they fail). */
export const fallbackSchema = z
  .strictObject({
    message: fallbackMessageSchema.optional().meta({ title: 'Fallback message' }),
    action: fallbackActionSchema.meta({ title: 'Fallback action' }),
  })
  .meta({ title: 'Fallback' });
export type Fallback = z.infer<typeof fallbackSchema>;

/**
 * The bot's default fallback (`flow.settings.fallback`), used when an element has none.
 * No 'port' action: the default does not know the element's ports.
 */
export const botFallbackSchema = z
  .strictObject({
    message: fallbackMessageSchema.optional(),
    action: z.discriminatedUnion('type', [fallbackDialogActionSchema, fallbackAgentActionSchema, fallbackEndActionSchema]),
  })
  .meta({ title: 'Default fallback' });
export type BotFallback = z.infer<typeof botFallbackSchema>;

/** The default fallback message when `settings.fallback` is not set. */
export const defaultFallbackText = "Sorry, I didn't get that.";
