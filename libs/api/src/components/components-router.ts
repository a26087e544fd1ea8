import { router } from '../trpc';
import { createComponentProcedure } from './create-component-procedure';
import { getComponentProcedure } from './get-component-procedure';
import { listComponentsProcedure } from './list-components-procedure';
import { publishComponentProcedure } from './publish-component-procedure';
import { resolveComponentsProcedure } from './resolve-components-procedure';
import { saveComponentDraftProcedure } from './save-component-draft-procedure';
import { updateComponentProcedure } from './update-component-procedure';

/** Reusable components of the caller's workspace: list, create, read, rename, save the draft, publish, resolve for checking. */
export const componentsRouter = router({
  list: listComponentsProcedure,
  create: createComponentProcedure,
  get: getComponentProcedure,
  update: updateComponentProcedure,
  saveDraft: saveComponentDraftProcedure,
  publish: publishComponentProcedure,
  resolve: resolveComponentsProcedure,
});
