import type { Tx } from './create-db';
import { toChannel, type Channel } from './to-channel';

/**
 * The channel with its secrets decrypted, or null if there is none. Throws
 * SecretBoxError if its secrets do not open under `secretKey` (wrong key or
 * tampered row): a channel is never returned with unusable credentials.
 */
export async function getChannel(db: Tx, channelId: string, secretKey: string): Promise<Channel | null> {
  const row = await db.channel.findUnique({ where: { id: channelId } });
  return row ? toChannel(row, secretKey) : null;
}
