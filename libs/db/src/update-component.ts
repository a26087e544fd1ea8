import type { Tx } from './create-db';
import type { Component } from './generated/client';
import { NotFoundError } from './not-found-error';
import { toJsonInput } from './to-json-input';

export type UpdateComponentInput = {
  /** The new name; absent: unchanged. Also written into the draft document's `name`. */
  name?: string;
  /** The new description, null to clear it; absent: unchanged. */
  description?: string | null;
};

/**
 * Renames and/or re-describes component `componentId`. A new name is also written into
 * the draft document (when it is a JSON object), so the component and its document keep
 * one name; `draftRevision` stays as it is, like a bot's rename, so an open editor's
 * next save does not conflict (the editor sends the new name with it).
 * NotFoundError if there is no such component.
 */
export async function updateComponent(db: Tx, componentId: string, input: UpdateComponentInput): Promise<Component> {
  const current = await db.component.findUnique({ where: { id: componentId }, select: { draft: true } });
  if (!current) throw new NotFoundError('Component', componentId);
  const draft = current.draft;
  const renamedDraft =
    input.name !== undefined && typeof draft === 'object' && draft !== null && !Array.isArray(draft) ? { ...draft, name: input.name } : undefined;
  const [updated] = await db.component.updateManyAndReturn({
    where: { id: componentId },
    data: {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(renamedDraft === undefined ? {} : { draft: toJsonInput(renamedDraft) }),
    },
  });
  if (!updated) throw new NotFoundError('Component', componentId);
  return updated;
}
