import { z } from 'zod';
import { channelTypeSchema, type ChannelType } from './column-schemas';
import type { Channel as ChannelRow } from './generated/client';
import { openSecret } from './secret-box';

/** Non-secret channel settings, e.g. `{ outboundUrl }`. */
export const channelConfigSchema = z.record(z.string(), z.json());
export type ChannelConfig = z.infer<typeof channelConfigSchema>;

/** Channel credentials (tokens, webhook secrets); stored sealed with AES-256-GCM. */
export const channelSecretsSchema = z.record(z.string(), z.json());
export type ChannelSecrets = z.infer<typeof channelSecretsSchema>;

/** A channel with its type narrowed, its config parsed and its secrets decrypted. */
export type Channel = Omit<ChannelRow, 'type' | 'config' | 'secrets'> & {
  type: ChannelType;
  config: ChannelConfig;
  secrets: ChannelSecrets;
};

/** The additional authenticated data binding a channel's sealed secrets to its row. */
export function channelSecretsContext(channelId: string): string {
  return `channel:${channelId}`;
}

/** Decrypts and parses a Channel row; throws if the secrets do not open under `secretKey`. */
export function toChannel(row: ChannelRow, secretKey: string): Channel {
  const secrets = channelSecretsSchema.parse(JSON.parse(openSecret(row.secrets, secretKey, channelSecretsContext(row.id))));
  return { ...row, type: channelTypeSchema.parse(row.type), config: channelConfigSchema.parse(row.config), secrets };
}
