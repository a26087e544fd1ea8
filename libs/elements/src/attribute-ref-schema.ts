import { z } from 'zod';

/**
 * An attribute an element reads or writes, and where in the element's config it does so
 * (`path` is relative to the element, e.g. ['variations', 1] or ['saveAs']). Validation
 * uses it to report undeclared attributes at the exact field.
 */
export const attributeRefSchema = z.object({
  name: z.string(),
  access: z.enum(['read', 'write']),
  path: z.array(z.union([z.string(), z.number()])),
  /** For reads through a placeholder: the path into the value (JSON walk), else []. */
  valuePath: z.array(z.string()),
});
export type AttributeRef = z.infer<typeof attributeRefSchema>;
