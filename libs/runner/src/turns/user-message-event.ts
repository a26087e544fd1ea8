import type { EngineEvent } from '@parley/engine';
import type { Message } from '@parley/db';

/**
 * The engine event for one turn: the inbound messages of `group` (one, or
 * several joined by newlines when batched), with the id and time of `last`.
 */
export function userMessageEvent(group: readonly Message[], last: Message, contact: string, channel: string): EngineEvent {
  return {
    type: 'user.message',
    messageId: last.id,
    text: group.map((each) => each.text ?? '').join('\n'),
    receivedAt: last.createdAt.getTime(),
    contact,
    channel,
  };
}
