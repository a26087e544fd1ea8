import type { ChannelCache, Db, InboundBatcher } from '@parley/db';
import type { InboundLanes, Queues } from '@parley/queue';
import type { WorkspaceInboundLimiter } from '../edge/workspace-inbound-limiter';
import type { InboundEnqueuer } from './inbound-enqueuer';

/** What every channel's ingress route needs: storage, the inbox batcher, the queues and their lanes, channels, the workspace rate limit. */
export type IngressDeps = {
  db: Db;
  inbox: InboundBatcher;
  queues: Queues;
  lanes?: InboundLanes;
  /** Inbox jobs of messages stored together go as one job (createInboundEnqueuer); none: one job each. */
  enqueuer?: InboundEnqueuer;
  channels: ChannelCache;
  /** Inbound messages per second per workspace (429 past it); none: no limit. */
  workspaceLimiter?: WorkspaceInboundLimiter;
};
