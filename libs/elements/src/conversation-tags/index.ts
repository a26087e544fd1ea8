import type { ElementDefinition } from '../element-definition';
import { runConversationTags } from './run';
import { conversationTagsSchema, type ConversationTags } from './schema';

export { conversationTagNameSchema, conversationTagsSchema, maxConversationTagsPerElement, type ConversationTags } from './schema';

export const conversationTagsElement: ElementDefinition<ConversationTags> = {
  type: 'conversation-tags',
  title: 'Conversation tags',
  category: 'actions',
  schema: conversationTagsSchema,
  ports: () => ['next'],
  attributeRefs: () => [],
  run: runConversationTags,
};
