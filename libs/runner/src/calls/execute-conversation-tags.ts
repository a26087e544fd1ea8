import { addConversationTags, type Tx } from '@parley/db';
import type { Call } from '@parley/elements';
import type { CallContext, CallResult } from './call-executor';

/**
 * `conversation.tags`: adds the tags to this session's conversation (created with
 * status 'bot' if needed). Tags the Inbox does not define are created there and reported
 * in `created`. Result: conversationTagsResultSchema.
 */
export async function executeConversationTags(
  tx: Tx,
  ctx: CallContext,
  call: Extract<Call, { name: 'conversation.tags' }>,
): Promise<CallResult> {
  const { added, created } = await addConversationTags(tx, {
    workspaceId: ctx.workspaceId,
    sessionId: ctx.sessionId,
    channelId: ctx.channelId,
    tags: call.tags,
  });
  return { ok: true, result: { added, created } };
}
