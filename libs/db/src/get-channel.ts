import type { Channel as ChannelRow } from './generated/client';
import type { SqlClient } from './sql-client';
import { toChannel, type Channel } from './to-channel';

/**
 * The channel with its secrets decrypted, or null if there is none. Throws
 * SecretBoxError if its secrets do not open under `secretKey` (wrong key or
 * tampered row): a channel is never returned with unusable credentials.
 * Raw SQL, so it runs on any SqlClient — a Prisma client or transaction, or the pg
 * transaction of a turn batch (which must not take a second pooled connection).
 */
export async function getChannel(db: SqlClient, channelId: string, secretKey: string): Promise<Channel | null> {
  const [row] = await db.$queryRaw<ChannelRow[]>`SELECT * FROM "Channel" WHERE "id" = ${channelId}`;
  return row ? toChannel(row, secretKey) : null;
}
