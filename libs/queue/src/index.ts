export { queueNames, type QueueName } from './queue-names';
export {
  inboundJobSchema,
  inboundBatchJobSchema,
  inboundQueueJobSchema,
  inboxJobsOf,
  outboundJobSchema,
  timerJobSchema,
  callJobSchema,
  type CallJob,
  type InboundJob,
  type InboundBatchJob,
  type InboundQueueJob,
  type OutboundJob,
  type TimerJob,
} from './job-schemas';
export { jobId } from './job-id';
export { createProducerRedis, createRedis } from './create-redis';
export {
  createQueues,
  enqueueInbound,
  enqueueInboundBatch,
  enqueueOutbound,
  enqueueCall,
  enqueueCallResult,
  scheduleTimer,
  cancelTimer,
  scheduleExpiryWakeUp,
  cancelExpiryWakeUp,
  expiryWakeUpJob,
  expiryWakeUpKind,
  type Queues,
  type QueueOptions,
} from './create-queues';
export { ensureInbound, ensureOutbound, ensureTimer, ensureExpiryWakeUp, ensureCall, ensureCallResult, type EnsureOutcome } from './ensure-jobs';
export { createInboundLanes, type InboundLane, type InboundLanes } from './inbound-lanes';
export { createBulkLaneGate, type BulkLaneGate } from './bulk-lane-gate';
export { acquireWorkspaceSlot, releaseWorkspaceSlot, type WorkspaceSlotOptions } from './workspace-slots';
export { markQueuesReconciled, queuesLostData } from './reconcile-marker';
export { jobBackoffStrategy, jobBackoffType, maxJobBackoffMs } from './job-backoff';
export { deleteKeys } from './delete-keys';
