import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChannelCache, Db, OutboxBatcher } from '@parley/db';
import type { HttpPolicy, RateLimitContext } from '@parley/http';
import type { Sandbox } from '@parley/sandbox';
import type { FlowCache } from './flow-cache';

/** Everything the runner needs from the outside world; injected so tests can pin time. */
export type RunnerContext = {
  db: Db;
  logger: Logger;
  secretKey: string;
  flows: FlowCache;
  /** Channels with their secrets, cached per process (createChannelCache). */
  channels: ChannelCache;
  /**
   * The operator's egress policies (environment, never a workspace setting): where bot
   * elements' requests (`elements`: ELEMENT_EGRESS_ALLOW) and channel deliveries
   * (`channels`: CHANNEL_EGRESS_ALLOW) may go besides public addresses. Absent: public
   * addresses only.
   */
  egress?: EgressPolicies;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Uniform in [0, 1); only used for message variations. */
  random: () => number;
  /**
   * Redis for publishing (web chat delivery notices), with the deployment's key
   * prefix. Optional: a runner without it cannot deliver web chat replies.
   */
  redis?: { connection: Redis; prefix: string };
  /** Shared throughput limits for Webhook calls (Redis); without it they are sent unthrottled. */
  rateLimit?: RateLimitContext;
  /** Runs Code element scripts (the worker's SandboxPool); without it `code.run` reports `unavailable`. */
  sandbox?: Sandbox;
  /** Messages of one contact arriving within this many ms become one turn (0 or unset: one turn per message); see processInbox. */
  inboxBatchWindowMs?: number;
  /**
   * Delivery claims and "sent" marks shared by concurrent deliveries
   * (createOutboxBatcher); without it each is its own statement.
   */
  outbox?: OutboxBatcher;
  /** Outbound delivery tuning; defaults in `defaultDeliverySettings`. */
  delivery?: Partial<DeliverySettings>;
  /**
   * Timers and session expiries get their delayed job in Redis only once they are due
   * within this many ms (default `defaultTimerHorizonMs`); later ones wait in Postgres
   * only, and the reconciler queues them as they come within it.
   */
  timerHorizonMs?: number;
  /**
   * Sessions one workspace may have active at once when it sets no limit of its own
   * (Workspace.maxConcurrentSessions); 0 or unset: no limit. A new contact's message
   * past the limit is not answered (see loadTurnInputs).
   */
  maxSessionsPerWorkspace?: number;
};

/**
 * Default of RunnerContext.timerHorizonMs: 10 minutes. Redis then holds the timers of
 * the next 10 minutes, not every waiting session's (each delayed job costs about 1.2 KB).
 */
export const defaultTimerHorizonMs = 10 * 60_000;

export type EgressPolicies = { elements?: HttpPolicy; channels?: HttpPolicy };

/**
 * - leaseMs: how long a delivery attempt holds its contact's head reply before
 *   another worker may take it over (renewed every third of it while the request
 *   runs): the pause a contact's replies see after a worker dies mid-delivery.
 * - maxAttempts: delivery attempts of one reply that failed in a way a retry may
 *   fix (5xx, 408, timeout, network error) before it is marked failed, which
 *   unblocks the contact's later replies. Each attempt is an HTTP request with
 *   its own quick retries; attempts are spaced 1 s, 2 s, 4 s ... (at most 5 min).
 * - maxPerJob: most replies one outbound job sends in a row for its contact.
 */
export type DeliverySettings = { leaseMs: number; maxAttempts: number; maxPerJob: number };

export const defaultDeliverySettings: DeliverySettings = { leaseMs: 30_000, maxAttempts: 6, maxPerJob: 50 };

/**
 * How long one contact's turn transaction may run. Only database work runs inside it
 * (calls that leave the process run from the calls queue, see processCall), so a turn
 * that takes this long is stuck: it is rolled back and its job retried.
 */
export const turnTransactionTimeoutMs = 60_000;
