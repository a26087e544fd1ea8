import { router } from '../trpc';
import { createComponentProcedure } from './create-component-procedure';
import { getComponentProcedure } from './get-component-procedure';
import { listComponentsProcedure } from './list-components-procedure';
import { publishComponentProcedure } from './publish-component-procedure';
import { saveComponentDraftProcedure } from './save-component-draft-procedure';

/** Reusable components of the caller's workspace: list, create, read, save the draft, publish. */
export const componentsRouter = router({
  list: listComponentsProcedure,
  create: createComponentProcedure,
  get: getComponentProcedure,
  saveDraft: saveComponentDraftProcedure,
  publish: publishComponentProcedure,
});
