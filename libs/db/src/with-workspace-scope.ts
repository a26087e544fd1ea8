import type { Db, Tx } from './create-db';
import type { TransactionOptions } from './run-in-transaction';

/**
 * Runs `fn` in one interactive transaction bound to `workspaceId` by Postgres
 * row-level security: the transaction first sets `parley.workspace_id` to
 * `workspaceId` and switches to the role `parley_tenant` (both transaction-local, i.e.
 * SET LOCAL: they end with the transaction and never leak into the pooled
 * connection). The policies (migration `..._workspace_row_level_security`) then admit,
 * on every workspace-owned table, only that workspace's rows: an unfiltered query
 * reads, updates and deletes only them, and an insert or update that would put a row
 * in another workspace fails ("new row violates row-level security policy"). An
 * empty or unknown `workspaceId` sees nothing. "User" and better-auth's tables are
 * not workspace-owned and stay readable.
 *
 * Only the API's tRPC path uses it (the workspace being the caller's, already
 * authorized). The worker, the ingress, sign-in and other cross-workspace reads
 * (listUserWorkspaces, getMembership, findApiKey, findInvitationByToken,
 * acceptInvitation, createWorkspaceWithOwner) run on the plain `Db`, as the table
 * owner, which row-level security does not restrict.
 *
 * `fn` gets a `Tx`: repositories that open a transaction of their own (publishBot,
 * publishComponent, changeMemberRole ...) run inside this one (runInTransaction).
 * There are no nested transactions: a database error inside `fn` fails the whole
 * scope. `options` are Prisma's transaction options (defaults: 2 s to get a
 * connection, 5 s to run). Requires that the connecting role may SET ROLE
 * parley_tenant (the migration grants it to the migrating role).
 */
export async function withWorkspaceScope<T>(db: Db, workspaceId: string, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  return db.$transaction(async (tx) => {
    // set_config('role', ..., true) is SET LOCAL ROLE; one round trip for both.
    await tx.$executeRaw`SELECT set_config('parley.workspace_id', ${workspaceId}, true), set_config('role', 'parley_tenant', true)`;
    return fn(tx);
  }, options);
}
