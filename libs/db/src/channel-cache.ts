import { getChannel } from './get-channel';
import type { SqlClient } from './sql-client';
import type { Channel } from './to-channel';
import { TtlCache } from './ttl-cache';

/** Reads channels with their secrets decrypted, through a per-process cache. */
export type ChannelCache = {
  get: (db: SqlClient, channelId: string) => Promise<Channel | null>;
};

/**
 * getChannel behind a TtlCache: the webhook ingress and the worker read the
 * same channel for every message, and the lookup (a query plus AES-GCM opening
 * of the secrets) was a large share of a webhook request's cost. A disabled
 * channel, a rotated secret or a new outbound URL takes effect in every process
 * within `ttlMs` (default 5 s). Unknown channel ids are remembered for
 * `unknownTtlMs` (default 1 s, at most 10,000 of them), so requests naming made-up
 * channels cost no query each; a channel created meanwhile is usable within that time.
 */
export function createChannelCache(secretKey: string, options: { ttlMs?: number; unknownTtlMs?: number } = {}): ChannelCache {
  const cache = new TtlCache<Channel | null>({ ttlMs: options.ttlMs ?? 5_000, keep: (channel) => channel !== null });
  // true = known to be missing; `false` is never stored, so a lookup of it costs nothing.
  const unknown = new TtlCache<boolean>({ ttlMs: Math.min(options.unknownTtlMs ?? 1_000, options.ttlMs ?? 5_000), maxEntries: 10_000, keep: (missing) => missing });
  return {
    get: async (db, channelId) => {
      if (await unknown.get(channelId, async () => false)) return null;
      const channel = await cache.get(channelId, () => getChannel(db, channelId, secretKey));
      if (channel === null) await unknown.get(channelId, async () => true);
      return channel;
    },
  };
}
