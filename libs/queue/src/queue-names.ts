/**
 * The BullMQ queues of Parley. Redis only carries "work to do now or later";
 * Postgres stays the source of truth for messages and sessions.
 * - inbound:  drain one contact's unprocessed inbound messages, in order.
 * - inbound-bulk: the same, for workspaces sending faster than their share (see
 *             createInboundLanes), so they never hold up the others' messages.
 * - outbound: deliver one stored outbound message to its channel.
 * - timers:   a delayed job per engine timer (reply timeout, delay, session expiry).
 * - calls:    run one stored call outside any turn (HTTP and Code with no transaction
 *             open); its result then goes back through the inbound queue.
 */
export const queueNames = {
  inbound: 'inbound',
  inboundBulk: 'inbound-bulk',
  outbound: 'outbound',
  timers: 'timers',
  calls: 'calls',
} as const;

export type QueueName = (typeof queueNames)[keyof typeof queueNames];
