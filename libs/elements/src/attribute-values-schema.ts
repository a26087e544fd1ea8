import { z } from 'zod';

/** An attribute value: any JSON value, so sessions always serialize losslessly. */
export const attributeValueSchema = z.json();
export type AttributeValue = z.infer<typeof attributeValueSchema>;

/** Attribute values by name. */
export const attributeValuesSchema = z.record(z.string(), attributeValueSchema);
export type AttributeValues = z.infer<typeof attributeValuesSchema>;
