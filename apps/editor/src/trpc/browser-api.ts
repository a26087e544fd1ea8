import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@parley/api';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
/** A member's role in a workspace, as the API's inputs name them. */
export type MemberRole = RouterInputs['members']['changeRole']['role'];

/**
 * The typed tRPC client of client components: calls `/trpc` on the editor's own
 * origin (forwarded to the API with the session cookie and Origin), one request per
 * call. Only the router's type comes from the server code.
 */
export const browserApi = createTRPCClient<AppRouter>({
  links: [httpLink({ url: '/trpc' })],
});

/**
 * What to tell a person about a failed call from the browser: the server's message
 * for a refusal (FORBIDDEN, BAD_REQUEST naming the field, NOT_FOUND …), or that the
 * editor could not be reached. Never a stack trace.
 */
export function describeClientError(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const code: unknown = error.data?.code;
    if (typeof code === 'string' && error.message) return error.message;
    return 'Cannot reach the editor: check your connection and try again.';
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
