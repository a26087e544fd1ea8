import { z } from 'zod';

/**
 * One problem found in a flow document.
 * - path: where, from the document root, e.g. 'dialogs[0].elements[2].text';
 * - componentId / dialogId / elementId / edgeId: the ids of the enclosing objects, when
 *   they have one (componentId for issues inside `components[i]`);
 * - field: the path inside the innermost element, edge, dialog or component (or from the
 *   root outside them), e.g. 'buttons[1].label'; absent when the issue is the whole object;
 * - rule: a stable kebab-case id for the check (the editor keys on it);
 * - message: a sentence for humans.
 */
export const flowIssueSchema = z.object({
  path: z.string(),
  componentId: z.string().optional(),
  dialogId: z.string().optional(),
  elementId: z.string().optional(),
  edgeId: z.string().optional(),
  field: z.string().optional(),
  rule: z.string(),
  message: z.string(),
});
export type FlowIssue = z.infer<typeof flowIssueSchema>;

/** `ok` is true exactly when there are no errors; warnings never block publishing. */
export const flowValidationSchema = z.object({
  ok: z.boolean(),
  errors: z.array(flowIssueSchema),
  warnings: z.array(flowIssueSchema),
});
export type FlowValidation = z.infer<typeof flowValidationSchema>;
