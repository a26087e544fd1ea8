import type { Tx } from './create-db';

export type ComponentVersionSummary = { number: number; publishedAt: Date; publishedBy: string | null };

/** A component's published versions, newest first, without their documents. */
export async function listComponentVersions(db: Tx, componentId: string): Promise<ComponentVersionSummary[]> {
  return db.componentVersion.findMany({
    where: { componentId },
    orderBy: { number: 'desc' },
    select: { number: true, publishedAt: true, publishedBy: true },
  });
}
