import { z } from 'zod';
import { attributeMappingSchema } from '../attribute-mapping-schema';
import { elementBaseSchema, elementIdSchema } from '../element-base-schema';

/**
 * Component: runs a reusable component (embedded in `flow.components` at publish time).
 * `inputs` copy the caller's attributes (`from`) into the component's inputs (`to`);
 * when the component's flow ends, `outputs` copy its outputs (`from`) into the caller's
 * attributes (`to`) and the flow continues through 'next'.
 */
export const componentSchema = elementBaseSchema
  .extend({
    type: z.literal('component'),
    componentId: elementIdSchema.meta({ description: 'Id of the component (flow.components[].id).' }),
    inputs: z
      .array(attributeMappingSchema)
      .max(50)
      .optional()
      .meta({ description: 'Caller attribute `from` → component input `to`.' }),
    outputs: z
      .array(attributeMappingSchema)
      .max(50)
      .optional()
      .meta({ description: 'Component output `from` → caller attribute `to`.' }),
  })
  .meta({ title: 'Component' });
export type Component = z.infer<typeof componentSchema>;
