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
    workspaceInboundRate: config.WORKSPACE_INBOUND_RATE,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    headersTimeoutMs: config.HEADERS_TIMEOUT_MS,
    maxConnections: config.MAX_CONNECTIONS,
    trustProxy: config.TRUST_PROXY,
    publicUrl: config.PUBLIC_URL,
    trustedOrigins: config.TRUSTED_ORIGINS,
    ipLimits: {
      session: { burst: config.IP_LIMIT_SESSIONS_BURST, perMinute: config.IP_LIMIT_SESSIONS_PER_MINUTE },
      message: { burst: config.IP_LIMIT_MESSAGES_BURST, perMinute: config.IP_LIMIT_MESSAGES_PER_MINUTE },
      stream: { burst: config.IP_LIMIT_STREAMS_BURST, perMinute: config.IP_LIMIT_STREAMS_PER_MINUTE },
    },
    webchatStreams: {
      perVisitor: config.WEBCHAT_STREAMS_PER_VISITOR,
      perAddress: config.WEBCHAT_STREAMS_PER_ADDRESS,
      perProcess: config.WEBCHAT_STREAMS_PER_PROCESS,
      lifetimeMs: config.WEBCHAT_STREAM_LIFETIME_MS,
      maxBufferedBytes: config.WEBCHAT_STREAM_MAX_BUFFERED_BYTES,
    },
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
