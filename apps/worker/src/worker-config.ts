import { z } from 'zod';
import { databaseUrl, logLevel, port, redisPrefix, redisUrl, secretKey } from '@parley/config';
import { egressAllowlistEnvSchema } from '@parley/http';

/** Every environment variable the worker reads, validated once at start-up. */
export const workerConfigSchema = z.object({
  DATABASE_URL: databaseUrl(),
  REDIS_URL: redisUrl(),
  REDIS_PREFIX: redisPrefix(),
  PARLEY_SECRET_KEY: secretKey(),
  LOG_LEVEL: logLevel(),
  /**
   * Inbox (and timer) jobs processed at once by this process (different contacts run in
   * parallel); inbox jobs waiting together share a transaction (TURN_BATCH_SIZE).
   */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(64),
  /** Most contacts whose plain turns (replies and timers only) share one transaction; 1 = one transaction per job. */
  TURN_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(100),
  /** Deliveries in flight at once by this process. */
  OUTBOUND_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(32),
  /**
   * How often Postgres is scanned for work Redis lost (ms); 0 disables. The scan also
   * runs at start-up and whenever the Redis connection is ready again after a drop.
   */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
  /** BullMQ job lock (ms), renewed at half of it while a job runs: how long a crashed worker's jobs stay locked. */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** How often this worker looks for stalled jobs (locks expired: their worker died) and re-queues them (ms). */
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** Lease of one delivery attempt on its contact's next reply (ms): how long a crashed worker holds a contact's replies back. */
  DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** Delivery attempts of a reply failing with 5xx / timeouts before it is marked failed (each attempt retries quickly itself). */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /**
   * Messages one contact sends within this many ms of each other are answered as one
   * turn (their texts joined by newlines), at most 3 windows after the first; 0 = off.
   */
  INBOX_BATCH_WINDOW_MS: z.coerce.number().int().min(0).max(10_000).default(0),
  /** Postgres connections of this process (each turn in progress holds one). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** Sandbox processes for Code element scripts (one warm isolate and about 100 MB each): scripts run at once. */
  SANDBOX_POOL_SIZE: z.coerce.number().int().min(1).max(32).default(2),
  /**
   * Sessions one workspace may have active at once, unless the workspace sets its own
   * (Workspace.maxConcurrentSessions); 0: no limit. Past it, a new contact's message is
   * stored but not answered (noted in the log).
   */
  WORKSPACE_MAX_SESSIONS: z.coerce.number().int().min(0).max(100_000_000).default(0),
  /**
   * The memory ceiling of one sandbox process, enforced by the kernel (MiB): a cgroup's
   * memory.max when SANDBOX_CGROUP_DIR names a delegated cgroup, else an address-space
   * rlimit of SANDBOX_ADDRESS_SPACE_RESERVE_MB + this (see libs/sandbox README).
   */
  SANDBOX_PROCESS_MEMORY_MB: z.coerce.number().int().min(128).max(65_536).default(512),
  SANDBOX_ADDRESS_SPACE_RESERVE_MB: z.coerce.number().int().min(1_024).max(1_048_576).default(2_560),
  /** A sandbox process holding more than this resident memory (MiB) after a run is replaced. */
  SANDBOX_RECYCLE_ABOVE_MB: z.coerce.number().int().min(64).max(65_536).default(256),
  /** A cgroup directory delegated to the worker (cgroup v2 with the memory controller, or v1 memory); empty: the rlimit. */
  SANDBOX_CGROUP_DIR: z.string().trim().optional().transform((value) => (value ? value : undefined)),
  /**
   * Calls that leave the process (API, Authentication, Webhook requests, Code scripts)
   * this process runs at once. They hold no database connection while they wait, so
   * this is bounded by memory (a waiting request costs a few KB), not by the pool.
   */
  CALL_CONCURRENCY: z.coerce.number().int().min(1).max(4096).default(256),
  /**
   * Turn work of workspaces sending faster than their share (the API's WORKSPACE_TURN_RATE
   * puts their messages in the bulk lane): turns of that lane this process starts per
   * second while other workspaces talk (see BULK_LANE_CONTENDED_MS); with nobody else
   * talking, the bulk lane runs at full speed. Keep it above half of WORKSPACE_TURN_RATE
   * (a workspace leaves the bulk lane when its rate falls to half of that).
   */
  BULK_LANE_RATE: z.coerce.number().int().min(1).max(1_000_000).default(50),
  /** A workspace counts as talking (holding floods to BULK_LANE_RATE) for this many ms after its last ordinary-pace turn. */
  BULK_LANE_CONTENDED_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Calls of one workspace in flight at once across every worker: one workspace's slow partner never takes every slot. */
  WORKSPACE_CALL_LIMIT: z.coerce.number().int().min(1).max(100_000).default(100),
  /**
   * Timers (reply timeouts, delays, CSAT windows) and session expiries get their delayed
   * job in Redis only once due within this many ms; the reconciler queues the later ones
   * as they come within it. Keep it well above RECONCILE_INTERVAL_MS.
   */
  TIMER_HORIZON_MS: z.coerce.number().int().min(60_000).max(7 * 24 * 3_600_000).default(600_000),
  /**
   * Non-public destinations bot elements (API, Authentication, Webhook) may reach, comma
   * separated: IPs, CIDR blocks, host names, each optionally with a port
   * (`crm.internal:8443,10.20.0.0/16`). Unset: public addresses only. Workspaces cannot
   * widen it. Name specific hosts and ports: `127.0.0.1` alone would open Parley's own ports.
   */
  ELEMENT_EGRESS_ALLOW: egressAllowlistEnvSchema,
  /** The API's and the editor's ports (as `npm start` sets them): bot elements never reach them, nor Postgres's and Redis's. */
  API_PORT: port(3001),
  EDITOR_PORT: port(3000),
  /** Non-public destinations channel deliveries may reach (the demo: its inbox, `127.0.0.1:3002`); same format. */
  CHANNEL_EGRESS_ALLOW: egressAllowlistEnvSchema,
});
export type WorkerConfig = z.infer<typeof workerConfigSchema>;
