import { TRPCError } from '@trpc/server';
import { getComponent, type Component, type Db } from '@parley/db';
import type { WorkspaceRef } from '../create-context';

/**
 * The component with this id in this workspace. NOT_FOUND when it does not exist
 * or belongs to another workspace (callers cannot tell the two apart).
 */
export async function findWorkspaceComponent(db: Db, workspace: WorkspaceRef, componentId: string): Promise<Component> {
  const component = await getComponent(db, componentId);
  if (!component || component.workspaceId !== workspace.id) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `Component ${componentId} not found in workspace ${workspace.slug}` });
  }
  return component;
}
