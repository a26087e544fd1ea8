import type { ElementIssue } from '../element-issue-schema';
import type { ValidationContext } from '../validation-context';
import type { Fallback } from './fallback-schema';

/**
 * Issues of an element's fallback at `field` (default 'fallback'): a 'dialog' action must
 * name a dialog of the element's scope. Call it from `validate` of elements with a fallback.
 */
export function validateFallback(fallback: Fallback | undefined, context: ValidationContext, field = 'fallback'): ElementIssue[] {
  const action = fallback?.action;
  if (action?.type !== 'dialog') return [];
  if (context.dialogs.some((dialog) => dialog.id === action.dialogId)) return [];
  return [{ field: `${field}.action.dialogId`, rule: 'unknown-dialog', message: `There is no dialog "${action.dialogId}".` }];
}
