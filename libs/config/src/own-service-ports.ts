/**
 * The TCP ports Parley's own services listen on, as this process's configuration names
 * them: Postgres and Redis (from their URLs, or their default ports), the API and the
 * editor (API_PORT, EDITOR_PORT, or 3001 and 3000). Bot elements must never reach them
 * on a non-public address, even on a host the operator lets them call (see the element
 * egress policy).
 */
export function ownServicePorts(config: { databaseUrl: string; redisUrl: string; apiPort?: number; editorPort?: number }): number[] {
  const portOf = (url: string, fallback: number): number => {
    try {
      const parsed = new URL(url);
      return parsed.port === '' ? fallback : Number(parsed.port);
    } catch {
      return fallback;
    }
  };
  return [...new Set([portOf(config.databaseUrl, 5432), portOf(config.redisUrl, 6379), config.apiPort ?? 3001, config.editorPort ?? 3000])];
}
