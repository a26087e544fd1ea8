import { z } from 'zod';
import { codeRunCallSchema } from '@parley/elements';

/** A Code element script: 1–20 000 characters, like the element's field. */
export const assistantCodeSchema = codeRunCallSchema.shape.code;
const requestTextSchema = z.string().trim().min(1).max(4_000);

export const improveCodeInputSchema = z.object({ code: assistantCodeSchema });
export const createCodeInputSchema = z.object({
  /** What the script should do, in the author's words. */
  prompt: requestTextSchema,
  /** The bot's attributes the script may use (names, optionally their types). */
  attributes: z.array(z.object({ name: z.string().min(1).max(64), type: z.string().max(40).optional() })).max(500).default([]),
});
export const editCodeInputSchema = z.object({ code: assistantCodeSchema, instruction: requestTextSchema });
export const fixCodeInputSchema = z.object({
  code: assistantCodeSchema,
  /** The error the script failed with, when known (e.g. from the simulator). */
  error: z.string().max(4_000).optional(),
});

/** Every assistant procedure answers with the new script, for the author to review before applying it. */
export const assistantCodeOutputSchema = z.object({ code: z.string() });
export type AssistantCodeOutput = z.infer<typeof assistantCodeOutputSchema>;
