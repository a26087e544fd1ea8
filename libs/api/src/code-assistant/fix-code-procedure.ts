import { fixCodeMessages } from './code-assistant-prompts';
import { assistantCodeOutputSchema, fixCodeInputSchema } from './code-assistant-schemas';
import { codeAssistantProcedure } from './code-assistant-procedure';
import { generateCode } from './generate-code';

/** `codeAssistant.fix({ code, error? })` → `{ code }`: "Fix code". */
export const fixCodeProcedure = codeAssistantProcedure
  .input(fixCodeInputSchema)
  .output(assistantCodeOutputSchema)
  .mutation(async ({ input }) => ({ code: await generateCode(fixCodeMessages(input.code, input.error)) }));
