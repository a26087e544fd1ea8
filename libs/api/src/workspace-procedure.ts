import { TRPCError } from '@trpc/server';
import { withWorkspaceScope, type MemberRole } from '@parley/db';
import { baseProcedure } from './trpc';

/** How long one workspace-scoped procedure's transaction may run (Prisma's default of 5 s is short for a big publish). */
const scopeOptions = { maxWait: 5_000, timeout: 30_000 };

/** Thrown inside the scope to roll back a procedure that failed (tRPC middlewares return failures instead of throwing). */
const rollback = Symbol('rollback');

/**
 * A procedure acting inside the caller's workspace, for callers whose role grants `role`
 * (checked by the access middleware from the metadata set here). The handler sees
 * `ctx.workspace`, `ctx.role` and `ctx.principal` as non-null and must scope every read
 * and write to `ctx.workspace.id`. Row-level security backs that up: the handler's
 * `ctx.db` is a transaction bound to the workspace (withWorkspaceScope), so a query that
 * forgets its filter still sees only this workspace's rows; the transaction commits
 * when the procedure succeeds and rolls back when it fails.
 * `outsideTransaction` (a reason) opts out of the transaction for procedures that wait
 * on the outside world (an HTTP preview, an LLM) and must not hold a connection
 * meanwhile; their `ctx.db` is the plain client and they filter by workspace themselves.
 */
export function roleProcedure(role: MemberRole, options: { outsideTransaction?: string } = {}) {
  return baseProcedure.meta({ access: { role } }).use(async ({ ctx, next }) => {
    const { workspace, role: actual, principal } = ctx;
    // checkAccess has refused these already; this narrows the types for the handler.
    if (!workspace || !actual || !principal) throw new TRPCError({ code: 'FORBIDDEN', message: 'No workspace' });
    if (options.outsideTransaction) return next({ ctx: { ...ctx, workspace, role: actual, principal } });
    let result: Awaited<ReturnType<typeof next>> | undefined;
    try {
      await withWorkspaceScope(
        ctx.db,
        workspace.id,
        async (tx) => {
          result = await next({ ctx: { ...ctx, db: tx, workspace, role: actual, principal } });
          if (!result.ok) throw rollback;
        },
        scopeOptions,
      );
    } catch (error) {
      if (error !== rollback) throw error;
    }
    if (!result) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'The procedure did not run' });
    return result;
  });
}

/** A procedure for any signed-in person (`reason`: why no workspace role applies). */
export function signedInProcedure(reason: string) {
  return baseProcedure.meta({ access: { signedIn: reason } }).use(({ ctx, next }) => {
    const { principal } = ctx;
    if (principal?.kind !== 'user') throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
    return next({ ctx: { ...ctx, principal } });
  });
}

/** A procedure anyone may call (`reason`: why that is safe). */
export function publicProcedure(reason: string) {
  return baseProcedure.meta({ access: { public: reason } });
}
