import type { Tx } from './create-db';
import type { Workspace } from './generated/client';

export type CreateWorkspaceInput = { name: string; slug: string };

/** Creates a workspace. A taken slug fails with Prisma's unique-constraint error (P2002). */
export async function createWorkspace(db: Tx, input: CreateWorkspaceInput): Promise<Workspace> {
  return db.workspace.create({ data: { name: input.name, slug: input.slug } });
}
