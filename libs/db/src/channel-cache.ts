import type { Tx } from './create-db';
import { getChannel } from './get-channel';
import type { Channel } from './to-channel';
import { TtlCache } from './ttl-cache';

/** Reads channels with their secrets decrypted, through a per-process cache. */
export type ChannelCache = {
  get: (db: Tx, channelId: string) => Promise<Channel | null>;
};

/**
 * getChannel behind a TtlCache: the webhook ingress and the worker read the
 * same channel for every message, and the lookup (a query plus AES-GCM opening
 * of the secrets) was a large share of a webhook request's cost. A disabled
 * channel, a rotated secret or a new outbound URL takes effect in every process
 * within `ttlMs` (default 5 s). Unknown channels are not cached, so a channel
 * is usable the moment it is created.
 */
export function createChannelCache(secretKey: string, options: { ttlMs?: number } = {}): ChannelCache {
  const cache = new TtlCache<Channel | null>({ ttlMs: options.ttlMs ?? 5_000, keep: (channel) => channel !== null });
  return {
    get: (db, channelId) => cache.get(channelId, () => getChannel(db, channelId, secretKey)),
  };
}
