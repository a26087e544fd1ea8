import { z } from 'zod';
import { attributeNameSchema } from './attribute-declaration-schema';

/**
 * Copy the value of attribute `from` into attribute `to` (To Dialog shared attributes,
 * Component inputs and outputs). The engine coerces the value to `to`'s type.
 */
export const attributeMappingSchema = z.strictObject({
  from: attributeNameSchema.meta({ description: 'Attribute to read.', title: 'From attribute', editor: 'attribute' }),
  to: attributeNameSchema.meta({ description: 'Attribute to write.', title: 'To attribute', editor: 'attribute', attributeAccess: 'write' }),
});
export type AttributeMapping = z.infer<typeof attributeMappingSchema>;
