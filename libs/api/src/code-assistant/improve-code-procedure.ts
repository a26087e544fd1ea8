import { assistantCodeOutputSchema, improveCodeInputSchema } from './code-assistant-schemas';
import { codeAssistantProcedure } from './code-assistant-procedure';
import { formatCode } from './format-code';

/** `codeAssistant.improve({ code })` → `{ code }`: "Improve readability" — Prettier, no model, no network. */
export const improveCodeProcedure = codeAssistantProcedure
  .input(improveCodeInputSchema)
  .output(assistantCodeOutputSchema)
  .mutation(async ({ input }) => ({ code: await formatCode(input.code) }));
