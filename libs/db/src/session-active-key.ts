/**
 * The value of Session.activeKey while a session is active. Its unique index
 * makes "at most one active session per contact per channel" a database rule.
 */
export function sessionActiveKey(channelId: string, contact: string): string {
  return `${channelId}:${contact}`;
}
