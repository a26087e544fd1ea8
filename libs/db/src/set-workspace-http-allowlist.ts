import type { Tx } from './create-db';
import { NotFoundError } from './not-found-error';
import { workspaceHttpSettingsSchema } from './workspace-http-settings';

/**
 * Replaces `settings.http.allowlist` of a workspace, keeping every other
 * setting. One UPDATE statement, so concurrent writers of other settings keys
 * never lose theirs. Callers validate entries (`httpAllowEntrySchema` of
 * `@parley/http`) before writing. Throws NotFoundError for an unknown workspace.
 */
export async function setWorkspaceHttpAllowlist(db: Tx, workspaceId: string, allowlist: readonly string[]): Promise<void> {
  const { allowlist: entries } = workspaceHttpSettingsSchema.parse({ allowlist: [...allowlist] });
  const value = JSON.stringify(entries);
  const updated = await db.$executeRaw`
    UPDATE "Workspace"
    SET "settings" = jsonb_set(
          CASE WHEN jsonb_typeof("settings" -> 'http') = 'object' THEN "settings" ELSE "settings" || '{"http": {}}'::jsonb END,
          '{http,allowlist}',
          ${value}::jsonb
        ),
        "updatedAt" = ${new Date()}
    WHERE "id" = ${workspaceId}`;
  if (updated === 0) throw new NotFoundError('Workspace', workspaceId);
}
