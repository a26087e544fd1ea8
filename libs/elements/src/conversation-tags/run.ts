import type { ElementContext } from '../element-definition';
import type { ElementOutcome } from '../element-outcome-schema';
import type { ConversationTags } from './schema';

/**
 * Asks the runner to add the tags to this session's conversation (fire-and-forget: the
 * flow does not wait; an Inbox tag that no longer exists is skipped by the runner) and
 * continues through 'next'.
 */
export function runConversationTags(element: ConversationTags, _context: ElementContext): ElementOutcome {
  return {
    kind: 'continue',
    port: 'next',
    effects: [{ type: 'call', call: { name: 'conversation.tags', tags: [...element.tags] } }],
    attributes: {},
  };
}
