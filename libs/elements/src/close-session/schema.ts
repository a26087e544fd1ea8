import { z } from 'zod';
import { elementBaseSchema } from '../element-base-schema';

/** Close session: ends the session; the user's next message starts a new one. */
export const closeSessionSchema = elementBaseSchema.extend({ type: z.literal('close-session') }).meta({ title: 'Close session' });
export type CloseSession = z.infer<typeof closeSessionSchema>;
