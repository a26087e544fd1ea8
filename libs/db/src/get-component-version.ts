import type { Tx } from './create-db';
import type { ComponentVersion } from './generated/client';

/**
 * One published version of a component: `number`, or the highest-numbered one
 * when `number` is 'latest'. Null when there is no such version. Versions never
 * change, so callers may cache a numbered result.
 */
export async function getComponentVersion(db: Tx, componentId: string, number: number | 'latest'): Promise<ComponentVersion | null> {
  if (number === 'latest') return db.componentVersion.findFirst({ where: { componentId }, orderBy: { number: 'desc' } });
  return db.componentVersion.findUnique({ where: { componentId_number: { componentId, number } } });
}
