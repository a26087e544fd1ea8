/**
 * The BullMQ queues of Parley. Redis only carries "work to do now or later";
 * Postgres stays the source of truth for messages and sessions.
 * - inbound:  drain one contact's unprocessed inbound messages, in order.
 * - outbound: deliver one stored outbound message to its channel.
 * - timers:   a delayed job per engine timer (reply timeout, delay, session expiry).
 * - calls:    run one stored call that leaves the process (HTTP, Code), outside any
 *             transaction; its result then goes back through the inbound queue.
 */
export const queueNames = {
  inbound: 'inbound',
  outbound: 'outbound',
  timers: 'timers',
  calls: 'calls',
} as const;

export type QueueName = (typeof queueNames)[keyof typeof queueNames];
