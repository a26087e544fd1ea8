import { validateFlow, type FlowIssue, type FlowValidation } from '@parley/engine';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { embeddedComponents } from './embedded-components';
import type { ResolvedComponent } from './resolved-component';

/**
 * validateFlow of a bot's draft with the components it uses embedded (`resolved`: what
 * `components.resolve` answered), as the API checks a draft: so a Component element is
 * checked against the component's inputs and outputs. Only the bot's own issues are kept
 * (a component's are its editor's), plus the API's `unpublished-component` warning for a
 * component checked against its draft. While `pending` ids are still being resolved, their
 * Component elements are not reported as naming an unknown component.
 */
export function checkBotFlow(flow: EditorFlow, resolved: readonly ResolvedComponent[], pending: ReadonlySet<string>): FlowValidation {
  const components = embeddedComponents(resolved);
  const { components: _own, ...rest } = flow;
  const validation = validateFlow(components.length === 0 ? rest : { ...rest, components });
  const keep = (issue: FlowIssue) => issue.componentId === undefined && !(issue.rule === 'unknown-component' && pending.has(componentIdAt(flow, issue) ?? ''));
  const errors = validation.errors.filter(keep);
  const warnings = [...validation.warnings.filter(keep), ...draftOnlyWarnings(flow, resolved)];
  return { ok: errors.length === 0, errors, warnings };
}

/** The API's `unpublished-component` warning for each Component element whose component has no published version yet. */
function draftOnlyWarnings(flow: EditorFlow, resolved: readonly ResolvedComponent[]): FlowIssue[] {
  const drafts = new Map(resolved.filter((component) => component.source === 'draft').map((component) => [component.id, component.name]));
  return flow.dialogs.flatMap((dialog, dialogIndex) =>
    dialog.elements.flatMap((element, elementIndex): FlowIssue[] => {
      const name = element.type === 'component' ? drafts.get(element.componentId) : undefined;
      if (element.type !== 'component' || name === undefined) return [];
      return [
        {
          path: `dialogs[${dialogIndex}].elements[${elementIndex}].componentId`,
          dialogId: dialog.id,
          elementId: element.id,
          field: 'componentId',
          rule: 'unpublished-component',
          message: `Component "${name}" (${element.componentId}) has no published version yet: checked against its draft; publish it before publishing a bot that uses it.`,
        },
      ];
    }),
  );
}

function componentIdAt(flow: EditorFlow, issue: FlowIssue): string | undefined {
  const dialog = flow.dialogs.find((candidate) => candidate.id === issue.dialogId);
  const element = dialog?.elements.find((candidate) => candidate.id === issue.elementId);
  return element?.type === 'component' ? element.componentId : undefined;
}
