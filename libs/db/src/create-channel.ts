import { randomUUID } from 'node:crypto';
import type { ChannelType } from './column-schemas';
import type { Tx } from './create-db';
import { sealSecret } from './secret-box';
import { channelConfigSchema, channelSecretsContext, channelSecretsSchema, toChannel, type Channel } from './to-channel';
import { toJsonInput } from './to-json-input';

export type CreateChannelInput = {
  /** Optional fixed id (e.g. for seeds); a uuid otherwise. */
  id?: string;
  workspaceId: string;
  botId: string;
  type: ChannelType;
  name: string;
  /** Non-secret settings, stored as plain JSON. */
  config: Record<string, unknown>;
  /** Credentials: stored only as AES-256-GCM ciphertext bound to the channel id. */
  secrets: Record<string, unknown>;
  enabled?: boolean;
};

/**
 * Creates a channel. `secrets` is serialized to JSON and sealed with
 * `secretKey` (32 bytes as 64 hex chars); the plaintext never reaches the
 * database. Returns the channel with its secrets in clear, as getChannel does.
 */
export async function createChannel(db: Tx, input: CreateChannelInput, secretKey: string): Promise<Channel> {
  const id = input.id ?? randomUUID();
  const config = channelConfigSchema.parse(toJsonInput(input.config));
  const secrets = channelSecretsSchema.parse(toJsonInput(input.secrets));
  const row = await db.channel.create({
    data: {
      id,
      workspaceId: input.workspaceId,
      botId: input.botId,
      type: input.type,
      name: input.name,
      config,
      secrets: sealSecret(JSON.stringify(secrets), secretKey, channelSecretsContext(id)),
      enabled: input.enabled ?? true,
    },
  });
  return toChannel(row, secretKey);
}
