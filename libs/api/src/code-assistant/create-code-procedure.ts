import { createCodeMessages } from './code-assistant-prompts';
import { assistantCodeOutputSchema, createCodeInputSchema } from './code-assistant-schemas';
import { codeAssistantProcedure } from './code-assistant-procedure';
import { generateCode } from './generate-code';

/** `codeAssistant.create({ prompt, attributes })` → `{ code }`: "Create with AI". */
export const createCodeProcedure = codeAssistantProcedure
  .input(createCodeInputSchema)
  .output(assistantCodeOutputSchema)
  .mutation(async ({ input }) => ({ code: await generateCode(createCodeMessages(input.prompt, input.attributes)) }));
