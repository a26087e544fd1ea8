import type { Call } from '@parley/elements';

/** Added to a call's own time budget: backoff between retries, a wait for a rate-limit slot or a sandbox. */
const slackMs = 35_000;
/** Database calls (profiles, tags, CSAT, handoff): the longest their transaction may take. */
const defaultDeadlineMs = 60_000;

/**
 * The longest a call run from the calls queue may take before its result is stored as
 * a `timeout` failure (the element takes its fallback): its own budget (every HTTP
 * attempt, the script's time limit) plus slack. The engine's call-timeout timer, where
 * the element sets one, stays the backstop.
 */
export function callDeadlineMs(call: Call): number {
  switch (call.name) {
    case 'http.request':
      return call.timeoutMs * (call.retries + 1) + slackMs;
    case 'code.run':
      return call.limits.timeoutMs + slackMs;
    default:
      return defaultDeadlineMs;
  }
}
