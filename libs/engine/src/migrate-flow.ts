import { z } from 'zod';
import { currentFlowVersion, flowSchema, type Flow } from './flow-schema';
import { migrateForward, type Migration } from './migrate-forward';

/** Flow migrations by the version they upgrade from (none yet: version 1 is the first). */
const flowMigrations: Readonly<Record<number, Migration>> = {};

/** Raw document → raw document of the current version (identity for version 1). Never throws. */
export function upgradeFlowDocument(document: unknown): unknown {
  return migrateForward(document, 'version', currentFlowVersion, flowMigrations);
}

/**
 * Reads a stored flow (e.g. a published bot version): migrates it forward and parses it
 * with flowSchema (defaults applied). Throws when the document does not match the schema;
 * graph rules are not re-checked here (validateFlow ran at publish, and `step` reports a
 * broken reference as an error outcome instead of failing every session of the bot).
 */
export function migrateFlow(document: unknown): Flow {
  const result = flowSchema.safeParse(upgradeFlowDocument(document));
  if (!result.success) throw new Error(`Unreadable flow document: ${z.prettifyError(result.error)}`);
  return result.data;
}
