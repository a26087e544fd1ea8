import type { Call, CallName } from '@parley/elements';

/**
 * Calls that leave the process (a partner's HTTP server, the Code sandbox) run with no
 * transaction open, since a slow partner would hold a pooled connection for as long as
 * it takes. The others only touch Parley's own database: processCall runs them inside a
 * transaction that also stores their result, so they take effect exactly once.
 * Exhaustive over CallName: a new call must say which it is.
 */
const leaves = {
  'analytics.event': false,
  handoff: false,
  'conversation.tags': false,
  'csat.record': false,
  'profile.event': false,
  'profile.get': false,
  'profile.tags': false,
  'profile.upsert': false,
  'http.request': true,
  'code.run': true,
} as const satisfies Record<CallName, boolean>;

export function leavesProcess(call: Call): boolean {
  return leaves[call.name];
}
