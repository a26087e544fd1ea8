import { z } from 'zod';

/**
 * How many web chat event streams an API process keeps open, and for how long.
 * Every open stream costs a socket, a file descriptor and some memory, so an
 * anonymous visitor must not be able to open them without bound:
 * - `perVisitor`: streams of one visitor (one token: tabs of one browser); a new
 *   one closes the oldest, which is told `replaced` and does not reconnect by itself.
 * - `perAddress`: streams from one client address; more are refused with 429.
 *   Visitors behind one NAT share an address: keep this well above one office's tabs.
 * - `perProcess`: streams on this process; more are refused with 503 (another
 *   process behind the load balancer may take them). Keep it under MAX_CONNECTIONS,
 *   which counts every connection, so the 503 is seen before connections are dropped.
 * - `lifetimeMs`: a stream is ended after this (plus up to 10 % jitter) with an
 *   `event: reconnect`; the widget opens a new one with a fresh ticket at once.
 * - `maxBufferedBytes`: a reader with more than this unread on two checks in a
 *   row (about a second apart) is dropped.
 * - `heartbeatMs`: comment lines that keep idle connections open through proxies.
 * - `channelCheckMs`: how often open streams' channels are checked; streams of a
 *   disabled or deleted channel, or older than its token cut-off, are ended.
 */
export const webchatStreamLimitsSchema = z.object({
  perVisitor: z.number().int().min(1).max(1_000).default(5),
  perAddress: z.number().int().min(1).max(1_000_000).default(100),
  perProcess: z.number().int().min(1).max(1_000_000).default(9_000),
  lifetimeMs: z.number().int().min(1_000).max(86_400_000).default(15 * 60_000),
  maxBufferedBytes: z.number().int().min(1_024).max(64 * 1_048_576).default(256 * 1_024),
  heartbeatMs: z.number().int().min(100).max(300_000).default(20_000),
  channelCheckMs: z.number().int().min(100).max(300_000).default(5_000),
});
export type WebchatStreamLimits = z.infer<typeof webchatStreamLimitsSchema>;
export type WebchatStreamLimitsInput = z.input<typeof webchatStreamLimitsSchema>;
