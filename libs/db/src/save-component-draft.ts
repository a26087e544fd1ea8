import type { Tx } from './create-db';
import type { Component } from './generated/client';
import { NotFoundError } from './not-found-error';
import { StaleComponentDraftError } from './stale-component-draft-error';
import { toJsonInput } from './to-json-input';

export type SaveComponentDraftInput = {
  componentId: string;
  /** The component's name (the document's `name`), stored beside the draft for lists. */
  name: string;
  /** The component document; any JSON-serializable value. */
  draft: unknown;
  /** The revision the editor loaded; omit to overwrite unconditionally. */
  expectedRevision?: number;
};

/**
 * Replaces a component's draft (and name) and bumps `draftRevision`, atomically.
 * With `expectedRevision`, the write happens only if the draft is still at that
 * revision; otherwise StaleComponentDraftError (nothing written). NotFoundError
 * if the component does not exist.
 */
export async function saveComponentDraft(db: Tx, input: SaveComponentDraftInput): Promise<Component> {
  const { componentId, expectedRevision } = input;
  const [saved] = await db.component.updateManyAndReturn({
    where: expectedRevision === undefined ? { id: componentId } : { id: componentId, draftRevision: expectedRevision },
    data: { name: input.name, draft: toJsonInput(input.draft), draftRevision: { increment: 1 } },
  });
  if (saved) return saved;
  const current = await db.component.findUnique({ where: { id: componentId }, select: { draftRevision: true } });
  if (!current) throw new NotFoundError('Component', componentId);
  throw new StaleComponentDraftError(componentId, expectedRevision ?? current.draftRevision, current.draftRevision);
}
