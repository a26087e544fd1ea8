import { z } from 'zod';
import { createComponent } from '@parley/db';
import { roleProcedure } from '../workspace-procedure';
import { checkComponentDocument } from './check-with-components';
import { starterComponentDocument } from './component-document';
import { componentDescriptionSchema, componentDocumentInputSchema, componentNameSchema, createdComponentSchema } from './component-schemas';
import { requireCheckedFlow } from './require-checked-flow';

export const createComponentInputSchema = z.object({
  /** Names the component and its document (a draft's own `name` is replaced). */
  name: componentNameSchema,
  description: componentDescriptionSchema.optional(),
  /** The first component document; one dialog that returns at once when omitted. */
  draft: componentDocumentInputSchema.optional(),
});

/** Stands in for the id a new component does not have yet while its first draft is checked. */
const newComponentId = 'new-component';

/**
 * `components.create`: creates a component in the workspace with its first draft
 * (revision 0). An invalid document is refused like `components.saveDraft`
 * refuses one. Returns the new id and the document's warnings.
 */
export const createComponentProcedure = roleProcedure('builder')
  .input(createComponentInputSchema)
  .output(createdComponentSchema)
  .mutation(async ({ ctx, input }) => {
    const draft = input.draft === undefined ? starterComponentDocument(input.name) : { ...input.draft, name: input.name };
    const warnings = requireCheckedFlow('Component draft', await checkComponentDocument(ctx.db, ctx.workspace.id, newComponentId, draft));
    const component = await createComponent(ctx.db, {
      workspaceId: ctx.workspace.id,
      name: input.name,
      description: input.description ? input.description : null,
      draft,
    });
    return { id: component.id, draftRevision: component.draftRevision, warnings };
  });
