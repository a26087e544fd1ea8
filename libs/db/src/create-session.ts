import type { Tx } from './create-db';
import { sessionActiveKey } from './session-active-key';
import { toJsonInput } from './to-json-input';
import { toSession, type Session } from './to-session';

export type CreateSessionInput = {
  workspaceId: string;
  botId: string;
  /** The published version the session runs on for its whole life. */
  botVersionId: string;
  channelId: string;
  contact: string;
  /** Initial engine state (any JSON-serializable value). */
  state: unknown;
};

/**
 * Starts an active session at version 0. If the contact already has an active
 * session on the channel, the activeKey unique index refuses it
 * (isUniqueConstraintError; it also aborts the surrounding transaction): call it under
 * withContactLock after findActiveSession returned null.
 */
export async function createSession(tx: Tx, input: CreateSessionInput): Promise<Session> {
  const row = await tx.session.create({
    data: {
      workspaceId: input.workspaceId,
      botId: input.botId,
      botVersionId: input.botVersionId,
      channelId: input.channelId,
      contact: input.contact,
      status: 'active',
      state: toJsonInput(input.state),
      version: 0,
      activeKey: sessionActiveKey(input.channelId, input.contact),
    },
  });
  return toSession(row);
}
