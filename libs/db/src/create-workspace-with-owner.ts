import { randomUUID } from 'node:crypto';
import type { Tx } from './create-db';
import type { Workspace } from './generated/client';
import { randomString } from './random-string';
import { runInTransaction } from './run-in-transaction';
import { toWorkspaceSlug, workspaceSlugMaxLength } from './to-workspace-slug';

export type CreateWorkspaceWithOwnerInput = {
  /** Shown in the editor; trimmed, must not be blank. */
  name: string;
  /** The user who becomes the workspace's first owner. */
  ownerUserId: string;
  /** The preferred slug; normalized like a name (toWorkspaceSlug). Default: derived from `name`. */
  slug?: string;
};

/** Characters of the random suffix that makes a taken slug unique. */
const suffixLength = 6;
const suffixAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
const attempts = 8;

/**
 * Creates a workspace and its owner's Membership, both or neither (in a transaction
 * of its own given a `Db`, in the caller's given a `Tx`).
 *
 * The slug is `slug` (or the name) through toWorkspaceSlug; when another workspace
 * has it, a dash and 6 random a-z0-9 characters are appended (the base shortened so
 * the whole stays within 40). A taken slug never aborts the transaction (the insert
 * skips on conflict), so this is safe inside a caller's transaction too. Concurrent
 * creations of one slug: one gets it, the others a suffixed one.
 *
 * Not for a workspace-scoped transaction (withWorkspaceScope): the new workspace is not
 * the scope's, so row-level security refuses it. Call it with the API's `Db`.
 */
export async function createWorkspaceWithOwner(db: Tx, input: CreateWorkspaceWithOwnerInput): Promise<Workspace> {
  const name = input.name.trim();
  if (name === '') throw new TypeError('A workspace name must not be blank');
  const base = toWorkspaceSlug(input.slug ?? name);
  const short = base.slice(0, workspaceSlugMaxLength - suffixLength - 1).replace(/-+$/, '');
  return runInTransaction(db, async (tx) => {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const slug = attempt === 0 ? base : `${short}-${randomString(suffixAlphabet, suffixLength)}`;
      const id = randomUUID();
      const { count } = await tx.workspace.createMany({ data: [{ id, name, slug }], skipDuplicates: true });
      if (count === 1) {
        await tx.membership.create({ data: { workspaceId: id, userId: input.ownerUserId, role: 'owner' } });
        return tx.workspace.findUniqueOrThrow({ where: { id } });
      }
    }
    throw new Error(`Could not find a free slug for workspace "${name}" after ${attempts} attempts`);
  });
}
