import { getComponent, getComponentVersion, type JsonValue, type Tx } from '@parley/db';
import { referencedComponentIds } from './component-references';

/**
 * Which document a reference resolves to:
 * - 'publish': the latest published version; a component never published is unresolved;
 * - 'draft' (saving drafts): the latest published version, else the component's draft,
 *   so a bot can be drawn before its components are published.
 */
export type ComponentResolutionMode = 'publish' | 'draft';

/** A component to embed: its id, the version embedded and that version's document. */
export type ResolvedComponent = {
  id: string;
  name: string;
  /** The embedded version's number; 1 for a draft stand-in (never persisted). */
  version: number;
  document: JsonValue;
  /** 'draft' when the component was never published and its draft stands in ('draft' mode only). */
  source: 'version' | 'draft';
};

export type UnresolvedComponent = { reason: 'not-found' } | { reason: 'unpublished'; name: string };

export type ComponentResolution = {
  /** In the order they were first referenced (breadth first from the roots). */
  resolved: ResolvedComponent[];
  unresolved: Map<string, UnresolvedComponent>;
};

/**
 * Resolves every component the `roots` (flow or component documents) use, directly
 * or through other components, within one workspace: a component of another
 * workspace is 'not-found', like one that does not exist. Each component is read
 * once, so a cycle ends the walk (validateFlow then reports it as
 * 'recursive-component'). `skip` names components the caller supplies itself.
 */
export async function resolveComponents(
  db: Tx,
  workspaceId: string,
  roots: readonly unknown[],
  mode: ComponentResolutionMode,
  skip: ReadonlySet<string> = new Set(),
): Promise<ComponentResolution> {
  return resolveComponentIds(db, workspaceId, roots.flatMap(referencedComponentIds), mode, skip);
}

/** resolveComponents starting from component ids instead of the documents that use them. */
export async function resolveComponentIds(
  db: Tx,
  workspaceId: string,
  ids: readonly string[],
  mode: ComponentResolutionMode,
  skip: ReadonlySet<string> = new Set(),
): Promise<ComponentResolution> {
  const resolved: ResolvedComponent[] = [];
  const unresolved = new Map<string, UnresolvedComponent>();
  const seen = new Set(skip);
  const queue = [...ids];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const component = await getComponent(db, id);
    if (component === null || component.workspaceId !== workspaceId) {
      unresolved.set(id, { reason: 'not-found' });
      continue;
    }
    const latest = await getComponentVersion(db, id, 'latest');
    let found: ResolvedComponent;
    if (latest !== null) {
      found = { id, name: component.name, version: latest.number, document: latest.document, source: 'version' };
    } else if (mode === 'draft') {
      found = { id, name: component.name, version: 1, document: component.draft, source: 'draft' };
    } else {
      unresolved.set(id, { reason: 'unpublished', name: component.name });
      continue;
    }
    resolved.push(found);
    queue.push(...referencedComponentIds(found.document));
  }
  return { resolved, unresolved };
}
