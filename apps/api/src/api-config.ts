import { z } from 'zod';
import { databaseUrl, logLevel, port, redisPrefix, redisUrl, secretKey } from '@parley/config';
import { egressAllowlistEnvSchema } from '@parley/http';

/** Every environment variable the API host reads, validated once at start-up. */
export const apiConfigSchema = z.object({
  DATABASE_URL: databaseUrl(),
  REDIS_URL: redisUrl(),
  REDIS_PREFIX: redisPrefix(),
  PARLEY_SECRET_KEY: secretKey(),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port(3001),
  LOG_LEVEL: logLevel(),
  /** Largest webhook body accepted, in bytes; bigger bodies get 413. */
  WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(262_144),
  /** How long a channel's settings and secrets are cached per process (ms); changes reach the ingress within this. 0 turns the cache off. */
  CHANNEL_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(5_000),
  /**
   * Messages per second of one workspace (per API process) above which its new messages
   * take the inbound bulk lane, so other workspaces' messages never wait behind its backlog.
   */
  WORKSPACE_TURN_RATE: z.coerce.number().int().min(1).max(1_000_000).default(200),
  /** Non-public destinations the API element's preview may reach (the same setting as the worker's, see worker-config.ts). */
  ELEMENT_EGRESS_ALLOW: egressAllowlistEnvSchema,
  /** Time a client has to send a whole request, headers and body (ms); slower ones get 408 and are closed. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(15_000),
  /** The editor's port (as `npm start` sets it): bot elements never reach it (see ownServicePorts). */
  EDITOR_PORT: port(3000),
});
export type ApiConfig = z.infer<typeof apiConfigSchema>;
