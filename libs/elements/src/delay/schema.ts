import { z } from 'zod';
import { elementBaseSchema } from '../element-base-schema';

/** Delay: pauses the flow for 1–30 seconds, then continues through 'next'. */
export const delaySchema = elementBaseSchema
  .extend({
    type: z.literal('delay'),
    seconds: z.number().int().min(1).max(30).meta({ description: 'Pause in seconds, 1–30.', title: 'Delay (seconds)' }),
  })
  .meta({ title: 'Delay' });
export type Delay = z.infer<typeof delaySchema>;
