import { z } from 'zod';
import { databaseUrl, logLevel, port, redisPrefix, redisUrl, secretKey } from '@parley/config';
import { egressAllowlistEnvSchema } from '@parley/http';
import { trustedOriginsSchema } from './auth/trusted-origins-schema';
import { webOriginSchema } from './auth/web-origin-schema';
import { trustProxySchema } from './edge/trust-proxy-schema';

/** One IP_LIMIT_* setting: a whole number of requests; 0 turns that kind's limit off. */
function ipLimitSetting(defaultValue: number) {
  return z.coerce.number().int().min(0).max(1_000_000).default(defaultValue);
}

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
   * take the inbound bulk lane, so other workspaces' messages never wait behind its backlog
   * (until its rate falls to half of this).
   */
  WORKSPACE_TURN_RATE: z.coerce.number().int().min(1).max(1_000_000).default(80),
  /**
   * Inbound messages per second one workspace may send through all its channels, over
   * every API process (429 with Retry-After past it, nothing stored); a workspace's own
   * `inboundRatePerSecond` overrides it. 0: no limit unless the workspace sets one.
   */
  WORKSPACE_INBOUND_RATE: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** Non-public destinations the API element's preview may reach (the same setting as the worker's, see worker-config.ts). */
  ELEMENT_EGRESS_ALLOW: egressAllowlistEnvSchema,
  /** Time a client has to send a whole request, headers and body (ms); slower ones get 408 and are closed. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(15_000),
  /**
   * Time a client has to send a request's headers, from its first byte (or from
   * connecting), in ms; slower ones (a slowloris) get 408 and are closed.
   */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(10_000),
  /**
   * Most connections one API process keeps open (every open web chat event stream is
   * one); more are closed at once. 0: no cap. Keep the process's open-files limit
   * (ulimit -n) above it.
   */
  MAX_CONNECTIONS: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  /** Which peers' X-Forwarded-For to believe for the client address (trustProxySchema); default false. */
  TRUST_PROXY: trustProxySchema,
  /**
   * Per client address (IPv6: per /64), shared by every API process through Redis: a
   * token bucket per kind of web chat request holding BURST tokens, refilled at
   * PER_MINUTE. Past it: 429 with Retry-After. 0 in either turns that limit off.
   * Visitors behind one NAT (an office, a mobile carrier) share an address: the
   * defaults leave room for a few dozen of them.
   * Sessions: new web chat visitors (a mint; a widget coming back with its token is not counted).
   */
  IP_LIMIT_SESSIONS_BURST: ipLimitSetting(30),
  IP_LIMIT_SESSIONS_PER_MINUTE: ipLimitSetting(30),
  /** Messages sent (on top of the limit per visitor). */
  IP_LIMIT_MESSAGES_BURST: ipLimitSetting(60),
  IP_LIMIT_MESSAGES_PER_MINUTE: ipLimitSetting(120),
  /** Event stream opens: one per page view, plus reconnects. */
  IP_LIMIT_STREAMS_BURST: ipLimitSetting(30),
  IP_LIMIT_STREAMS_PER_MINUTE: ipLimitSetting(60),
  /**
   * Web chat event streams (webchatStreamLimitsSchema): per visitor (a new one closes the
   * oldest), per client address on this process (429), per process (503; keep it under
   * MAX_CONNECTIONS), the lifetime after which a stream is ended with `event: reconnect`,
   * and the unread bytes past which a reader is dropped.
   */
  WEBCHAT_STREAMS_PER_VISITOR: z.coerce.number().int().min(1).max(1_000).default(5),
  WEBCHAT_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(100),
  WEBCHAT_STREAMS_PER_PROCESS: z.coerce.number().int().min(1).max(1_000_000).default(9_000),
  WEBCHAT_STREAM_LIFETIME_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(900_000),
  WEBCHAT_STREAM_MAX_BUFFERED_BYTES: z.coerce.number().int().min(1_024).max(67_108_864).default(262_144),
  /** The editor's port (as `npm start` sets it): bot elements never reach it (see ownServicePorts). */
  EDITOR_PORT: port(3000),
  /**
   * The origin people reach the editor at (scheme, host, port; no path). The editor
   * serves /api/auth and /trpc from that same origin (it proxies them to this API), so
   * the session cookie is first-party. Sign-in's cookies are Secure when it is https.
   * Cookie-carrying POST/PUT/PATCH/DELETE requests from any other origin (except
   * TRUSTED_ORIGINS) are refused with 403. Links in emails point here.
   */
  PUBLIC_URL: webOriginSchema.default('http://127.0.0.1:3000'),
  /** More origins (comma-separated) allowed to send cookie-carrying requests; default none. */
  TRUSTED_ORIGINS: trustedOriginsSchema,
});
export type ApiConfig = z.infer<typeof apiConfigSchema>;
