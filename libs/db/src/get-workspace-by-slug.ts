import type { Tx } from './create-db';
import type { Workspace } from './generated/client';

/** The workspace with this slug, or null. */
export async function getWorkspaceBySlug(db: Tx, slug: string): Promise<Workspace | null> {
  return db.workspace.findUnique({ where: { slug } });
}
