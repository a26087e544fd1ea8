import type { Tx } from './create-db';
import { toChannel, type Channel } from './to-channel';

/** The workspace's channels, newest first, with their secrets decrypted (callers decide what leaves the server). */
export async function listWorkspaceChannels(db: Tx, workspaceId: string, secretKey: string): Promise<Channel[]> {
  const rows = await db.channel.findMany({ where: { workspaceId }, orderBy: { createdAt: 'desc' } });
  return rows.map((row) => toChannel(row, secretKey));
}
