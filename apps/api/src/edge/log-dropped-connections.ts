import type { Server } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';

/**
 * Says in the log when the server refuses connections because `server.maxConnections`
 * are open (MAX_CONNECTIONS; Node closes the new socket at once): one warning at the
 * first refusal, then at most one per `everyMs` with the number refused meanwhile, so
 * a connection flood cannot flood the log too.
 */
export function logDroppedConnections(server: Server, log: FastifyBaseLogger, everyMs = 10_000): void {
  let dropped = 0;
  let window: NodeJS.Timeout | undefined;
  server.on('drop', () => {
    if (window) {
      dropped += 1;
      return;
    }
    log.warn({ maxConnections: server.maxConnections }, 'connection refused: MAX_CONNECTIONS connections are open');
    window = setTimeout(() => {
      window = undefined;
      if (dropped > 0) log.warn({ maxConnections: server.maxConnections, refused: dropped, withinMs: everyMs }, 'connections refused: MAX_CONNECTIONS connections are open');
      dropped = 0;
    }, everyMs);
    window.unref();
  });
}
