import { componentDefinitionSchema } from '@parley/engine';
import type { z } from 'zod';

/**
 * A component as edited and versioned: the engine's embedded component
 * (`flow.components[]`) without `id` and `version`, which publishing a bot adds
 * (the component's id and the number of the version embedded).
 */
export const componentDocumentSchema = componentDefinitionSchema.omit({ id: true, version: true });
export type ComponentDocument = z.infer<typeof componentDocumentSchema>;
export type ComponentDocumentInput = z.input<typeof componentDocumentSchema>;

/**
 * The document a new component gets when the caller sends none: no attributes and
 * one dialog that returns at once. Valid, without warnings. A fresh object per call.
 */
export function starterComponentDocument(name: string): ComponentDocumentInput {
  return {
    name,
    inputs: [],
    outputs: [],
    attributes: [],
    entryDialogId: 'main',
    dialogs: [{ id: 'main', name: 'Main', startElementId: 'return', elements: [{ id: 'return', type: 'component-return' }], edges: [] }],
  };
}
