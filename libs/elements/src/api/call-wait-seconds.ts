/** Longest backoff the executor waits before one retry, in seconds (libs/http: maxDelayMs 5 000). */
const maxBackoffSeconds = 5;
/** Margin for queueing and delivering the result. */
const slackSeconds = 30;

/**
 * How long an element waits for its call's result before it gives up (the wait's
 * 'call-timeout'): every attempt at its timeout, every backoff at its longest, plus a
 * margin. A safety net for lost results; the executor's own timeout normally ends the
 * call first and reports it as a failed result.
 */
export function callWaitSeconds(timeoutSeconds: number, retries: number): number {
  return Math.ceil(timeoutSeconds * (retries + 1) + maxBackoffSeconds * retries + slackSeconds);
}
