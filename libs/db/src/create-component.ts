import type { Tx } from './create-db';
import type { Component } from './generated/client';
import { toJsonInput } from './to-json-input';

export type CreateComponentInput = {
  workspaceId: string;
  name: string;
  description?: string | null;
  /** The component document; any JSON-serializable value. */
  draft: unknown;
};

/** Creates a component with its first draft (revision 0) and no published version. */
export async function createComponent(db: Tx, input: CreateComponentInput): Promise<Component> {
  return db.component.create({
    data: {
      workspaceId: input.workspaceId,
      name: input.name,
      description: input.description ?? null,
      draft: toJsonInput(input.draft),
    },
  });
}
