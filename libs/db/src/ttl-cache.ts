/**
 * A small read-through cache for rows that change rarely but are read on every
 * request (a channel and its decrypted secrets, a workspace's HTTP policy).
 * Contract:
 * - a value is served for at most `ttlMs` after it was loaded, so a change in
 *   Postgres reaches every process within `ttlMs`;
 * - a miss runs the caller's own `load`, never waits for another caller's: the
 *   loads run on the caller's database handle (often a transaction holding a
 *   pooled connection), and waiting for a load that needs another pooled
 *   connection could deadlock a pool whose connections are all held by such
 *   waiters. Concurrent misses therefore each load; the last one stored wins;
 * - a failed load is not cached; values for which `keep` is false (e.g. "not
 *   found") are not cached either;
 * - at most `maxEntries` keys are kept (the oldest stored goes first);
 * - `ttlMs` 0 turns the cache off.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly options: { ttlMs: number; maxEntries?: number; keep?: (value: V) => boolean; now?: () => number },
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const value = await load();
    if (this.options.ttlMs > 0 && (!this.options.keep || this.options.keep(value))) {
      this.entries.delete(key);
      this.entries.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
      if (this.entries.size > (this.options.maxEntries ?? 10_000)) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
    } else if (hit) this.entries.delete(key);
    return value;
  }

  /** Drops one key (after this process changed the row) or everything. */
  invalidate(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
