import type { Tx } from './create-db';
import { toJsonInput } from './to-json-input';
import { toSessionCall, type SessionCall } from './to-session-call';

export type InsertSessionCallInput = {
  workspaceId: string;
  botId: string;
  sessionId: string;
  channelId: string;
  contact: string;
  key: string;
  name: string;
  call: unknown;
  /** Given: the call already ran (a database call past the chained-turn limit): stored 'done'. */
  result?: unknown;
};

/**
 * Stores a call a turn reached, in that turn's transaction: 'pending' (to run from the
 * calls queue), or 'done' with its `result`. Idempotent per session and call key: a
 * retried turn re-finds the row it wrote (and its status) instead of adding one.
 */
export async function insertSessionCall(tx: Tx, input: InsertSessionCallInput): Promise<SessionCall> {
  const { result, call, ...rest } = input;
  const row = await tx.sessionCall.upsert({
    where: { sessionId_key: { sessionId: input.sessionId, key: input.key } },
    create: {
      ...rest,
      call: toJsonInput(call),
      ...(result === undefined ? {} : { status: 'done', result: toJsonInput(result), completedAt: new Date() }),
    },
    update: {},
  });
  return toSessionCall(row);
}
