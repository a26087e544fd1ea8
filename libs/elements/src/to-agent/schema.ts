import { z } from 'zod';
import { conversationTagListSchema, maxConversationTagsPerElement } from '../conversation-tags/schema';
import { elementBaseSchema } from '../element-base-schema';
import { messageTextSchema } from '../message-text-schema';

/** An Inbox queue name: 1–100 characters, no control characters, no leading or trailing whitespace. */
export const agentQueueNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u, 'No control characters, no leading or trailing spaces')
  .meta({ description: 'Agent queue to transfer to, 1–100 characters; none: the default queue.' });

/**
 * To Agent: transfers the conversation to a human agent in Inbox and ends the chatbot
 * session immediately (reason 'handoff'). Optionally sends a message first, and adds
 * conversation tags that route the request in Inbox.
 */
export const toAgentSchema = elementBaseSchema
  .extend({
    type: z.literal('to-agent'),
    queue: agentQueueNameSchema.optional().meta({ title: 'Queue' }),
    message: messageTextSchema
      .optional()
      .meta({ description: 'Sent to the end user before the transfer, 1–4096 characters; placeholders allowed.', title: 'Message' }),
    tags: conversationTagListSchema
      .optional()
      .meta({ description: `Inbox tags to add to the conversation, at most ${maxConversationTagsPerElement}, distinct.`, title: 'Tags', itemTitle: 'Tag' }),
  })
  .meta({ title: 'To Agent' });
export type ToAgent = z.infer<typeof toAgentSchema>;
