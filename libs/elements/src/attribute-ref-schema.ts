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
  /**
   * How the config names the attribute: in a `{{placeholder}}` (default when absent) or as
   * an attribute field (saveAs, a condition's attribute, a mapping's from/to ...).
   */
  via: z.enum(['placeholder', 'field']).optional(),
});
export type AttributeRef = z.infer<typeof attributeRefSchema>;
