import type { Call, CallName } from '@parley/elements';

/**
 * Calls that leave the process (a partner's HTTP server, the Code sandbox): they never
 * run inside a turn's transaction or under a contact's lock, because a slow partner
 * would hold a pooled connection and the contact for as long as it takes. The others
 * only touch Parley's own database and run inside the turn, committing with it.
 * Exhaustive over CallName: a new call must say where it runs.
 */
const outsideTurn = {
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

export function runsOutsideTurn(call: Call): boolean {
  return outsideTurn[call.name];
}
