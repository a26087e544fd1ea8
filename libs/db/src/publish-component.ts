import type { Tx } from './create-db';
import type { ComponentVersion } from './generated/client';
import { NotFoundError } from './not-found-error';
import { runInTransaction } from './run-in-transaction';
import { toJsonInput } from './to-json-input';

export type PublishComponentOptions = {
  /** User id of the publisher. */
  publishedBy?: string | null;
};

/**
 * Publishes a component's current draft as a new immutable ComponentVersion
 * numbered one above the highest existing number (1 for the first). Concurrent
 * publishes of the same component serialize on the component's row lock, so
 * they never get the same number. NotFoundError if the component does not exist.
 *
 * Given a `Db`, runs in a transaction of its own; given a `Tx` (e.g. the API's
 * withWorkspaceScope), runs in that one, and the component stays locked until it ends.
 */
export async function publishComponent(db: Tx, componentId: string, options: PublishComponentOptions = {}): Promise<ComponentVersion> {
  return runInTransaction(db, async (tx) => {
    const locked = await tx.$executeRaw`SELECT 1 FROM "Component" WHERE "id" = ${componentId} FOR UPDATE`;
    if (locked === 0) throw new NotFoundError('Component', componentId);
    const component = await tx.component.findUniqueOrThrow({ where: { id: componentId }, select: { draft: true } });
    const latest = await tx.componentVersion.aggregate({ where: { componentId }, _max: { number: true } });
    return tx.componentVersion.create({
      data: {
        componentId,
        number: (latest._max.number ?? 0) + 1,
        document: toJsonInput(component.draft),
        publishedBy: options.publishedBy ?? null,
      },
    });
  });
}
