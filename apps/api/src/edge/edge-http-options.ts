import type { ServerOptions } from 'node:http';

/**
 * Node's HTTP server options for the API's edge (Fastify's `http` option):
 * - `headersTimeout`: a client must send a request's whole header block within this
 *   many ms of its first byte (or of connecting), else 408 and the connection is
 *   closed: a slowloris trickling headers byte by byte, or a socket that never sends
 *   anything, holds a connection for at most that long (plus one check interval).
 * - `connectionsCheckingInterval`: how often Node looks for such connections. Its
 *   default, 30 s, would let a 10 s timeout run to 40 s; a tenth of the timeout
 *   (100 ms–1 s) keeps the overrun small. One check walks only the connections
 *   with a request in progress: idle keep-alive sockets and open event streams
 *   (their request is complete) cost nothing.
 * - `requestTimeout: 0`: Node's limit on a whole request is off: build-server's own
 *   timer (REQUEST_TIMEOUT_MS) covers bodies, and an event stream's response may
 *   run for as long as the stream is open.
 */
export function edgeHttpOptions(headersTimeoutMs: number): ServerOptions {
  return {
    headersTimeout: headersTimeoutMs,
    connectionsCheckingInterval: Math.min(1_000, Math.max(100, Math.floor(headersTimeoutMs / 10))),
    requestTimeout: 0,
  };
}
