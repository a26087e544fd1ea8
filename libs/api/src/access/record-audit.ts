import { appendAuditLog, type Tx } from '@parley/db';
import type { Principal, WorkspaceRef } from '../create-context';

/** What an audit entry needs from a procedure's context. */
export type AuditContext = { db: Tx; workspace: Pick<WorkspaceRef, 'id'>; principal: Principal };

/**
 * Records `action` on `target` by the caller in the audit log owners read (publishing,
 * channel changes, role changes, API key changes, secret reveals). `details` says what
 * changed and never carries a secret's value. Written on the procedure's own database
 * handle, so it commits or rolls back with the change it describes.
 */
export async function recordAudit(
  ctx: AuditContext,
  action: string,
  target: { type: string; id: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  const actor =
    ctx.principal.kind === 'user'
      ? { type: 'user' as const, id: ctx.principal.userId, label: ctx.principal.email }
      : { type: 'api-key' as const, id: ctx.principal.apiKeyId, label: ctx.principal.name };
  await appendAuditLog(ctx.db, { workspaceId: ctx.workspace.id, actor, action, target, details });
}
