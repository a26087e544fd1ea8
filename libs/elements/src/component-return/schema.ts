import { z } from 'zod';
import { elementBaseSchema } from '../element-base-schema';

/**
 * Component return: ends the component's flow here (its outputs go back to the caller).
 * Only inside a component's dialogs; an unconnected port returns just the same.
 */
export const componentReturnSchema = elementBaseSchema.extend({ type: z.literal('component-return') }).meta({ title: 'Component return' });
export type ComponentReturn = z.infer<typeof componentReturnSchema>;
