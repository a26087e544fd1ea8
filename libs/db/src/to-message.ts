import { messageDirectionSchema, messageStatusSchema, type MessageDirection, type MessageStatus } from './column-schemas';
import type { Message as MessageRow } from './generated/client';

/**
 * One inbox or outbox entry, with direction and status narrowed. `seq` is the
 * insertion order (a bigint: convert before JSON-serializing).
 */
export type Message = Omit<MessageRow, 'direction' | 'status'> & { direction: MessageDirection; status: MessageStatus };

/** Narrows a Message row; throws if the row holds an unknown direction or status. */
export function toMessage(row: MessageRow): Message {
  return { ...row, direction: messageDirectionSchema.parse(row.direction), status: messageStatusSchema.parse(row.status) };
}
