import { elementSchemas } from '@parley/elements';
import { currentFlowVersion } from '@parley/engine';
import { z } from 'zod';

/** True for the element types this server knows (the keys of elementSchemas). */
function isKnownElementType(type: string): boolean {
  return Object.hasOwn(elementSchemas, type);
}

const draftElementShapeSchema = z.looseObject({
  id: z.string(),
  type: z.string().refine(isKnownElementType, { error: 'unknown element type' }),
});

const draftEdgeShapeSchema = z.looseObject({ id: z.string(), from: z.string(), to: z.string() });

/** A dialog's skeleton in a work-in-progress draft (a bot's or a component's). */
export const draftDialogShapeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  startElementId: z.string(),
  elements: z.array(draftElementShapeSchema),
  edges: z.array(draftEdgeShapeSchema),
});

/**
 * The least a work-in-progress draft must be for the editor to open it again: the flow
 * document's skeleton (format version, attributes, entry dialog, dialogs with their
 * elements and edges, each with its id) and element types the server knows. Everything
 * else (element fields, references between ids, graph rules) may still be wrong: those
 * are validateFlow's errors, which a save with `allowErrors` stores and reports.
 * Objects are loose: other fields are kept, whatever they are.
 */
export const draftShapeSchema = z.looseObject({
  version: z.literal(currentFlowVersion),
  attributes: z.array(z.unknown()),
  entryDialogId: z.string(),
  dialogs: z.array(draftDialogShapeSchema).min(1),
});
