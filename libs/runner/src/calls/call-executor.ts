import type { Tx } from '@parley/db';
import type { HttpPolicy, RateLimitContext } from '@parley/http';
import type { AttributeValue, Call, CallError, CallName } from '@parley/elements';

/** Who a call is made for: the session that emitted it. `now` is the turn's time, epoch ms. */
export type CallContext = {
  workspaceId: string;
  botId: string;
  sessionId: string;
  channelId: string;
  /** The end user's address in the channel (the session's contact). */
  contact: string;
  now: number;
  /** Opens the workspace's sealed secrets (mTLS client-certificate keys); the runner's `secretKey`. */
  secretKey: string;
  /**
   * Shared throughput limits (Redis) for calls that carry `rateLimit` (Webhook element).
   * Absent: such calls are sent unthrottled (tests, previews).
   */
  rateLimit?: RateLimitContext;
  /**
   * Sent as the `Idempotency-Key` header of HTTP calls (unless the element sets one): the
   * stored call's id, the same across the request's retries and every re-run of the call
   * (a worker that died mid-call), so a partner can drop repeats. Absent in previews.
   */
  idempotencyKey?: string;
  /**
   * Where bot elements' HTTP requests may go besides public addresses: the operator's
   * element egress policy (ELEMENT_EGRESS_ALLOW), never anything a workspace edits.
   * Absent: public addresses only.
   */
  egress?: HttpPolicy;
};

/**
 * What an executor reports: the fields of the engine's `call.result` event without `type`
 * and `key` (the runner adds those). `ok: false` carries `error` with a stable code (see
 * each call's result contract); `result` is JSON matching the call's result schema;
 * `attempts` counts tries, the first included (informational, e.g. HTTP retries).
 */
export type CallResult = {
  ok: boolean;
  result?: AttributeValue;
  error?: CallError;
  attempts?: number;
};

/**
 * Executes one call, from the calls queue (processCall): a database call inside the
 * transaction that stores its result (so it takes effect once); a call that leaves the
 * process (leavesProcess) given the pool instead of a transaction. Resolves with the outcome the element should see; rejects only on
 * infrastructure failures (database down, serialization conflict ...), which fail the
 * call's job so it is retried.
 */
export type CallExecutor<N extends CallName> = (tx: Tx, ctx: CallContext, call: Extract<Call, { name: N }>) => Promise<CallResult>;
