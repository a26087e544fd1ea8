import type { FieldPath } from '../../bot-editor/document/editor-flow';

/**
 * A field path as validation issues write it (FlowIssue.field): ['buttons', 1, 'label'] →
 * 'buttons[1].label'. The settings form marks each control with it (data-field), so an
 * issue finds its control and a control finds its issues.
 */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}
