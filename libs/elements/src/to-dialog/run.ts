import type { AttributeRef } from '../attribute-ref-schema';
import { attributeTypesCompatible } from '../attributes/attribute-types-compatible';
import { mappingRefs } from '../attributes/mapping-refs';
import type { ElementContext } from '../element-definition';
import type { ElementIssue } from '../element-issue-schema';
import type { ElementOutcome } from '../element-outcome-schema';
import { lookupDeclaration, type ValidationContext } from '../validation-context';
import type { ToDialog } from './schema';

/** Always jumps to `dialogId`, sharing the configured attributes. */
export function runToDialog(element: ToDialog, _context: ElementContext): ElementOutcome {
  const share = element.shareAttributes ?? [];
  return share.length === 0
    ? { kind: 'goto', dialogId: element.dialogId, effects: [], attributes: {} }
    : { kind: 'goto', dialogId: element.dialogId, share: share.map(({ from, to }) => ({ from, to })), effects: [], attributes: {} };
}

export function toDialogAttributeRefs(element: ToDialog): AttributeRef[] {
  return mappingRefs(element.shareAttributes, 'shareAttributes');
}

/** The target dialog exists in the element's scope; each shared pair has compatible types. */
export function validateToDialog(element: ToDialog, context: ValidationContext): ElementIssue[] {
  const issues: ElementIssue[] = [];
  if (!context.dialogs.some((dialog) => dialog.id === element.dialogId)) {
    issues.push({ field: 'dialogId', rule: 'unknown-dialog', message: `There is no dialog "${element.dialogId}".` });
  }
  (element.shareAttributes ?? []).forEach((mapping, index) => {
    const from = lookupDeclaration(context.declarations, mapping.from);
    const to = lookupDeclaration(context.declarations, mapping.to);
    if (from !== undefined && to !== undefined && !attributeTypesCompatible(from.type, to.type)) {
      issues.push({
        field: `shareAttributes[${index}]`,
        rule: 'type-mismatch',
        message: `"${mapping.from}" (${from.type}) cannot be shared into "${mapping.to}" (${to.type}).`,
      });
    }
  });
  return issues;
}
