import { z } from 'zod';

/**
 * A problem an element's `validate` hook finds in its own config.
 * - field: path inside the element, e.g. 'conditions[1].rules[0].value' ('' = the element);
 * - rule: stable kebab-case id (the editor keys on it), e.g. 'type-mismatch';
 * - severity: 'error' (default; blocks publishing) or 'warning'.
 * validateFlow turns it into a FlowIssue with the element's ids and the full path.
 */
export const elementIssueSchema = z.object({
  field: z.string(),
  rule: z.string().min(1),
  message: z.string(),
  severity: z.enum(['error', 'warning']).optional(),
});
export type ElementIssue = z.infer<typeof elementIssueSchema>;
