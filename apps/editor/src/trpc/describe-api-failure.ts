import { TRPCClientError } from '@trpc/client';

/**
 * Why a call to the API failed, in words a person can act on.
 * - `unreachable`: no usable answer came back (connection refused, DNS, timeout,
 *   or something that is not a tRPC endpoint answered).
 * - `refused`: the API answered with a tRPC error (for example UNAUTHORIZED when
 *   the workspace is unknown).
 */
export type ApiFailure =
  | { kind: 'unreachable'; url: string; detail: string }
  | { kind: 'refused'; url: string; code: string; detail: string };

/** Classifies any thrown value from a tRPC client call made against `url`. Never throws. */
export function describeApiFailure(error: unknown, url: string): ApiFailure {
  if (error instanceof TRPCClientError) {
    const code: unknown = error.data?.code;
    if (typeof code === 'string') return { kind: 'refused', url, code, detail: error.message };
  }
  return { kind: 'unreachable', url, detail: rootCauseMessage(error) };
}

/** The innermost cause's message, e.g. "connect ECONNREFUSED 127.0.0.1:3001" rather than "fetch failed". */
function rootCauseMessage(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      if (current.name === 'TimeoutError') return 'the request timed out';
      const code = 'code' in current && typeof current.code === 'string' ? current.code : undefined;
      const message = current.message || code;
      if (message) messages.push(message);
      if (current instanceof AggregateError && current.errors.length > 0) {
        current = current.errors[0];
        continue;
      }
      current = current.cause;
    } else {
      messages.push(String(current));
      break;
    }
  }
  return messages.at(-1) ?? 'unknown error';
}
