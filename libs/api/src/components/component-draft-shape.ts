import { z } from 'zod';
import type { DraftShape } from '../bots/draft-shape-issues';
import { draftDialogShapeSchema } from '../bots/draft-shape-schema';

/**
 * The least a work-in-progress component draft must be for the editor to open it again
 * (the component counterpart of draftShapeSchema): a name, the three attribute lists,
 * the entry dialog and dialogs with their elements and edges, each with its id, and
 * element types the server knows. Everything else is validateFlow's to report.
 */
export const componentDraftShapeSchema = z.looseObject({
  name: z.string(),
  inputs: z.array(z.unknown()),
  outputs: z.array(z.unknown()),
  attributes: z.array(z.unknown()),
  entryDialogId: z.string(),
  dialogs: z.array(draftDialogShapeSchema).min(1),
});

/** draftShapeIssues' argument for component drafts. */
export const componentDraftShape: DraftShape = { schema: componentDraftShapeSchema, documentKind: 'a component document' };
