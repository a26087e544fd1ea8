import { router } from '../trpc';
import { createCodeProcedure } from './create-code-procedure';
import { editCodeProcedure } from './edit-code-procedure';
import { fixCodeProcedure } from './fix-code-procedure';
import { improveCodeProcedure } from './improve-code-procedure';

/**
 * The Code element's assistant: `improve` formats with Prettier (always available);
 * `create`, `edit` and `fix` ask the OpenAI-compatible endpoint configured by
 * OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_MODEL (PRECONDITION_FAILED, and no request,
 * without them). Each answers `{ code }` for the author to review; nothing is saved.
 */
export const codeAssistantRouter = router({
  improve: improveCodeProcedure,
  create: createCodeProcedure,
  edit: editCodeProcedure,
  fix: fixCodeProcedure,
});
