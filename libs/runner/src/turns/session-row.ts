/** The session row fields a turn needs. */
export type SessionRow = {
  id: string;
  workspaceId: string;
  botId: string;
  botVersionId: string;
  channelId: string;
  contact: string;
  version: number;
  state: unknown;
  /** Session.expiresAt: when the lazily kept expiry timer is due (null: not kept that way yet). */
  expiresAt: Date | null;
};
