import { editCodeMessages } from './code-assistant-prompts';
import { assistantCodeOutputSchema, editCodeInputSchema } from './code-assistant-schemas';
import { codeAssistantProcedure } from './code-assistant-procedure';
import { generateCode } from './generate-code';

/** `codeAssistant.edit({ code, instruction })` → `{ code }`: "Edit with AI". */
export const editCodeProcedure = codeAssistantProcedure
  .input(editCodeInputSchema)
  .output(assistantCodeOutputSchema)
  .mutation(async ({ input }) => ({ code: await generateCode(editCodeMessages(input.code, input.instruction)) }));
