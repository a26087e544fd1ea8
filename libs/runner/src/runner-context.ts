import type { Logger } from 'pino';
import type { Db } from '@parley/db';
import type { FlowCache } from './flow-cache';

/** Everything the runner needs from the outside world; injected so tests can pin time. */
export type RunnerContext = {
  db: Db;
  logger: Logger;
  secretKey: string;
  flows: FlowCache;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Uniform in [0, 1); only used for message variations. */
  random: () => number;
};

/**
 * How long one contact's turn transaction may run. Calls (HTTP requests with their
 * retries) currently execute inside it, so it must outlast the slowest call
 * (60 s timeout × 4 attempts + backoff).
 */
export const turnTransactionTimeoutMs = 5 * 60_000;
