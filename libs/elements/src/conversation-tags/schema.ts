import { z } from 'zod';
import { elementBaseSchema } from '../element-base-schema';

/** At most this many tags per Conversation tags or To Agent element. */
export const maxConversationTagsPerElement = 20;

/**
 * An Inbox tag name: 1–50 characters, no control characters, no leading or trailing
 * whitespace. Matched exactly against the workspace's Inbox tags at run time.
 */
export const conversationTagNameSchema = z
  .string()
  .min(1)
  .max(50)
  .regex(/^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u, 'No control characters, no leading or trailing spaces')
  .meta({ description: 'Inbox tag name, 1–50 characters (the tag must exist in Inbox).' });

/** A list of distinct conversation tags, at most maxConversationTagsPerElement. */
export const conversationTagListSchema = z
  .array(conversationTagNameSchema)
  .max(maxConversationTagsPerElement)
  .refine((tags) => new Set(tags).size === tags.length, 'Each tag may be listed once');

/**
 * Conversation tags: adds Inbox tags to the ongoing conversation (to categorize and
 * filter conversations in Inbox, and route them after a To Agent). Tags must exist in
 * the workspace's Inbox; at run time an undefined tag is skipped.
 */
export const conversationTagsSchema = elementBaseSchema
  .extend({
    type: z.literal('conversation-tags'),
    tags: conversationTagListSchema
      .min(1)
      .meta({ description: `Tags to add: 1–${maxConversationTagsPerElement} distinct Inbox tags.`, title: 'Tags', itemTitle: 'Tag' }),
  })
  .meta({ title: 'Conversation tags' });
export type ConversationTags = z.infer<typeof conversationTagsSchema>;
