import type { Tx } from './create-db';
import { readWorkspaceHttpSettings } from './workspace-http-settings';

/**
 * The outbound HTTP policy of a workspace, in the shape `httpRequest` takes as
 * `options.policy`: `allow` = `settings.http.allowlist` (see
 * workspaceHttpSettingsSchema). An unknown workspace gets the empty policy
 * (public addresses only).
 */
export async function getWorkspaceHttpPolicy(db: Tx, workspaceId: string): Promise<{ allow: string[] }> {
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { settings: true } });
  return { allow: readWorkspaceHttpSettings(workspace?.settings).allowlist };
}
