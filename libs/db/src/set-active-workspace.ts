import type { Tx } from './create-db';

/**
 * Makes `workspaceId` the workspace a signed-in browser (its AuthSession) acts in. The
 * caller checks membership first; the API resolves the active workspace again on every
 * request, so a membership removed later stops working at once.
 */
export async function setActiveWorkspace(db: Tx, authSessionId: string, workspaceId: string): Promise<void> {
  await db.authSession.update({ where: { id: authSessionId }, data: { activeWorkspaceId: workspaceId } });
}
