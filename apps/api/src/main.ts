import { createLogger, exitOnConfigError, loadConfig, ownServicePorts, warnIfDevSecretKey } from '@parley/config';
import { createDb } from '@parley/db';
import { createQueues } from '@parley/queue';
import { apiConfigSchema } from './api-config';
import { buildServer } from './build-server';

/** API process entry: validate config, connect, serve, and drain on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = exitOnConfigError(() => loadConfig(apiConfigSchema));
  const logger = createLogger({ name: 'api', level: config.LOG_LEVEL });
  warnIfDevSecretKey(config.PARLEY_SECRET_KEY, logger);
  const db = createDb(config.DATABASE_URL);
  const queues = createQueues({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
  const app = buildServer({
    db,
    queues,
    secretKey: config.PARLEY_SECRET_KEY,
    logger,
    maxBodyBytes: config.WEBHOOK_MAX_BODY_BYTES,
    channelCacheMs: config.CHANNEL_CACHE_MS,
    workspaceTurnRate: config.WORKSPACE_TURN_RATE,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    elementEgress: {
      allow: config.ELEMENT_EGRESS_ALLOW,
      denyPorts: ownServicePorts({ databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL, apiPort: config.API_PORT, editorPort: config.EDITOR_PORT }),
    },
  });
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  logger.info({ url: `http://${config.API_HOST}:${config.API_PORT}` }, 'API listening');

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close();
    await queues.close();
    await db.$disconnect();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

void main();
