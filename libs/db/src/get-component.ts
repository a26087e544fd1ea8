import type { Tx } from './create-db';
import type { Component } from './generated/client';

/** The component with its current draft, or null. */
export async function getComponent(db: Tx, componentId: string): Promise<Component | null> {
  return db.component.findUnique({ where: { id: componentId } });
}
