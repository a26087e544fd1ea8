import { z } from 'zod';
import { attributeNameSchema } from '../attribute-declaration-schema';
import { attributeMappingSchema } from '../attribute-mapping-schema';
import { elementBaseSchema, elementIdSchema } from '../element-base-schema';

/** Caller attribute → component input: the component side is a name of the component's, not of the flow's attributes. */
const inputMappingSchema = attributeMappingSchema.extend({
  to: attributeNameSchema.meta({ description: 'Component input to fill.', title: 'Component input' }),
});

/** Component output → caller attribute. */
const outputMappingSchema = attributeMappingSchema.extend({
  from: attributeNameSchema.meta({ description: 'Component output to read.', title: 'Component output' }),
});

/**
 * Component: runs a reusable component (embedded in `flow.components` at publish time).
 * `inputs` copy the caller's attributes (`from`) into the component's inputs (`to`);
 * when the component's flow ends, `outputs` copy its outputs (`from`) into the caller's
 * attributes (`to`) and the flow continues through 'next'.
 */
export const componentSchema = elementBaseSchema
  .extend({
    type: z.literal('component'),
    componentId: elementIdSchema.meta({ description: 'Id of the component (flow.components[].id).', title: 'Component', editor: 'component' }),
    inputs: z
      .array(inputMappingSchema)
      .max(50)
      .optional()
      .meta({ description: 'Caller attribute `from` → component input `to`.', title: 'Inputs', itemTitle: 'Input' }),
    outputs: z
      .array(outputMappingSchema)
      .max(50)
      .optional()
      .meta({ description: 'Component output `from` → caller attribute `to`.', title: 'Outputs', itemTitle: 'Output' }),
  })
  .meta({ title: 'Component' });
export type Component = z.infer<typeof componentSchema>;
