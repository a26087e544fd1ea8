import { validateFlow, type FlowIssue, type FlowValidation } from '@parley/engine';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { embeddedComponents } from './embedded-components';
import type { ResolvedComponent } from './resolved-component';

/**
 * validateFlow of a bot's draft with the components it uses embedded (`resolved`: what
 * `components.resolve` answered), as the API checks a draft: so a Component element is
 * checked against the component's inputs and outputs. Only the bot's own issues are kept
 * (a component's are its editor's). While `pending` ids are still being resolved, their
 * Component elements are not reported as naming an unknown component.
 */
export function checkBotFlow(flow: EditorFlow, resolved: readonly ResolvedComponent[], pending: ReadonlySet<string>): FlowValidation {
  const components = embeddedComponents(resolved);
  const { components: _own, ...rest } = flow;
  const validation = validateFlow(components.length === 0 ? rest : { ...rest, components });
  const keep = (issue: FlowIssue) => issue.componentId === undefined && !(issue.rule === 'unknown-component' && pending.has(componentIdAt(flow, issue) ?? ''));
  const errors = validation.errors.filter(keep);
  const warnings = validation.warnings.filter(keep);
  return { ok: errors.length === 0, errors, warnings };
}

function componentIdAt(flow: EditorFlow, issue: FlowIssue): string | undefined {
  const dialog = flow.dialogs.find((candidate) => candidate.id === issue.dialogId);
  const element = dialog?.elements.find((candidate) => candidate.id === issue.elementId);
  return element?.type === 'component' ? element.componentId : undefined;
}
