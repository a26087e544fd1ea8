/**
 * A small read-through cache for rows that change rarely but are read on every
 * request (a channel and its decrypted secrets, a workspace's HTTP policy).
 * Contract: a value is served for at most `ttlMs` after it was loaded, so a
 * change in Postgres reaches every process within `ttlMs`; concurrent misses
 * for one key share one load; a failed load is not cached; values for which
 * `keep` is false (e.g. "not found") are not cached either. At most
 * `maxEntries` keys are kept (the oldest loaded goes first). `ttlMs` 0 turns
 * the cache off.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; expiresAt: number }>();

  constructor(
    private readonly options: { ttlMs: number; maxEntries?: number; keep?: (value: V) => boolean; now?: () => number },
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    if (this.options.ttlMs <= 0) return load();
    this.entries.delete(key);
    const value = load();
    this.entries.set(key, { value, expiresAt: now + this.options.ttlMs });
    const forget = (): void => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    };
    value.then((loaded) => (this.options.keep && !this.options.keep(loaded) ? forget() : undefined), forget);
    const maxEntries = this.options.maxEntries ?? 10_000;
    if (this.entries.size > maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return value;
  }

  /** Drops one key (after this process changed the row) or everything. */
  invalidate(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}
