import type { FastifyBaseLogger } from 'fastify';
import type { InboundBatcher } from '@parley/db';
import { enqueueInbound, type InboundLanes, type Queues } from '@parley/queue';
import type { WorkspaceInboundLimiter } from '../edge/workspace-inbound-limiter';
import type { InboundEnqueuer } from './inbound-enqueuer';

export type InboundToAccept = {
  channelMessageId: string;
  contact: string;
  text: string;
  /** What the channel adapter kept of the message (stored as the row's payload). */
  payload: unknown;
};

export type AcceptOutcome = { id: string; status: 'accepted' | 'duplicate' };

/** The workspace is over its inbound rate: nothing was stored; answer 429 (sendWorkspaceRateLimited). */
export type RateLimitedOutcome = { status: 'rate-limited'; retryAfterSeconds: number };

/**
 * Stores one parsed inbound message (idempotent on the channel's message id)
 * and enqueues its contact's inbox, as every webhook route does. A repeat of an
 * already processed message is acknowledged without enqueueing; a repeat of one
 * still unprocessed is enqueued again, which makes a channel's retry after a
 * failed enqueue safe (the job id dedupes while the first job is still queued).
 * A workspace sending faster than its share goes to the bulk lane (createInboundLanes);
 * one over its inbound rate (`workspaceLimiter`) is refused before anything is stored.
 * Messages arriving together are stored by one INSERT (createInboundBatcher) and
 * asked for by one queue job (createInboundEnqueuer); each is acknowledged only after
 * its row is committed and its job is in Redis.
 * Throws when Postgres or Redis fails: the route then answers 503 and the
 * channel retries.
 */
export async function acceptInboundMessage(
  deps: { inbox: InboundBatcher; queues: Queues; lanes?: InboundLanes; enqueuer?: InboundEnqueuer; workspaceLimiter?: WorkspaceInboundLimiter },
  channel: { id: string; workspaceId: string },
  inbound: InboundToAccept,
  logger: FastifyBaseLogger,
): Promise<AcceptOutcome | RateLimitedOutcome> {
  const allowed = await deps.workspaceLimiter?.take(channel.workspaceId);
  if (allowed && !allowed.ok) {
    logger.warn({ channelId: channel.id, workspaceId: channel.workspaceId }, 'workspace over its inbound rate: 429');
    return { status: 'rate-limited', retryAfterSeconds: allowed.retryAfterSeconds };
  }
  const { message, duplicate } = await deps.inbox.insert({
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    channelMessageId: inbound.channelMessageId,
    contact: inbound.contact,
    text: inbound.text,
    payload: inbound.payload,
  });
  // Bindings per call, not a child logger per message: a child costs its bindings' serialization even when info is off.
  const ids = { channelId: channel.id, messageId: message.id };
  if (duplicate && message.status !== 'received') {
    logger.info(ids, 'duplicate message acknowledged');
    return { id: message.id, status: 'duplicate' };
  }
  const job = { channelId: channel.id, contact: message.contact, workspaceId: channel.workspaceId };
  const lane = deps.lanes?.laneOf(channel.workspaceId) ?? 'main';
  await (deps.enqueuer ? deps.enqueuer.enqueue(job, message.id, lane) : enqueueInbound(deps.queues, job, message.id, lane));
  logger.info({ ...ids, duplicate }, 'message accepted');
  return { id: message.id, status: duplicate ? 'duplicate' : 'accepted' };
}
