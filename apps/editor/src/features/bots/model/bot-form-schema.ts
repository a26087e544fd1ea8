import { z } from 'zod';

/**
 * A bot's name and description as the New bot, Rename and Import forms take them: the
 * API's limits (botNameSchema, botDescriptionSchema), each message naming its field.
 */
export const botFormSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100, 'Name must be at most 100 characters'),
  description: z.string().trim().max(500, 'Description must be at most 500 characters'),
});
export type BotForm = z.infer<typeof botFormSchema>;
