import type { Tx } from './create-db';

export type ComponentSummary = {
  id: string;
  name: string;
  description: string | null;
  updatedAt: Date;
  /** Number of the newest published version, or null if never published. */
  latestVersionNumber: number | null;
};

/** A workspace's components, most recently edited first. */
export async function listComponents(db: Tx, workspaceId: string): Promise<ComponentSummary[]> {
  const components = await db.component.findMany({
    where: { workspaceId },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      description: true,
      updatedAt: true,
      versions: { select: { number: true }, orderBy: { number: 'desc' }, take: 1 },
    },
  });
  return components.map(({ versions, ...component }) => ({ ...component, latestVersionNumber: versions[0]?.number ?? null }));
}
