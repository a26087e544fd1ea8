import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { ProcedureMeta } from './access/procedure-access';
import { checkAccess } from './access/check-access';
import type { Context } from './create-context';
import { FlowInvalidError } from './flow-invalid-error';
import { describeInputIssues, inputIssues } from './input-issues';

/**
 * The one tRPC instance. Its error formatter adds two fields to every error's
 * `data` (both null when they do not apply):
 * - `issues`: every FlowIssue of a refused flow document (BAD_REQUEST);
 * - `inputIssues`: `{ field, message }` per invalid input field (BAD_REQUEST).
 * No stack is attached in any mode (`isDev: false`). The host (apps/api) replaces the
 * message of an unexpected error in every mode before this runs (a failure of Postgres
 * or Redis becomes a short 503 message) and logs the original; in production this
 * formatter also replaces whatever INTERNAL_SERVER_ERROR message is left, as a last line.
 */
const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const internal = error.code === 'INTERNAL_SERVER_ERROR' && process.env['NODE_ENV'] === 'production';
    return {
      ...shape,
      message: internal ? 'Internal server error' : shape.message,
      data: {
        ...shape.data,
        issues: error.cause instanceof FlowInvalidError ? error.cause.issues : null,
        inputIssues: error.code === 'BAD_REQUEST' && error.cause instanceof ZodError ? inputIssues(error.cause) : null,
      },
    };
  },
});

/**
 * Replaces tRPC's JSON dump of zod issues with a message naming each invalid
 * field. Runs around input parsing, so server-side callers (createCaller) get
 * the same readable message as HTTP clients.
 */
const readableInputErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'BAD_REQUEST' && result.error.cause instanceof ZodError) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: describeInputIssues(inputIssues(result.error.cause)),
      cause: result.error.cause,
    });
  }
  return result;
});

/**
 * The one access check, before input parsing and before the handler: every procedure
 * declares its access in its metadata (`access`: a least role, signed-in only, or public
 * with a reason; see procedure-access.ts) and checkAccess decides. A procedure that
 * declares nothing is refused (and fails the access suite generated from the router).
 */
const enforceAccess = t.middleware(({ ctx, meta, path, next }) => {
  checkAccess(ctx, meta?.access, path);
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** The base of every procedure: access enforced from its metadata, readable input errors. */
export const baseProcedure = t.procedure.use(enforceAccess).use(readableInputErrors);
