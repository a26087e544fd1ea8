import { validateFlow, type FlowIssue, type FlowValidation } from '@parley/engine';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import type { AttributeRoles } from './attribute-role';
import { attributePlaces, editorFlowToComponent } from './component-flow';
import { embeddedComponents } from './embedded-components';
import type { ResolvedComponent } from './resolved-component';

/** The id of the stand-in bot dialog and element a component is checked in (as the API's). */
const hostId = 'component-host';

const listRoles = { inputs: 'input', outputs: 'output', attributes: 'working' } as const;

/**
 * Checks the component being edited the way the API does (libs/api
 * checkComponentDocument): its document as the first component of a minimal flow, with
 * the components it uses (`resolved`) embedded after it, through validateFlow. Issues are
 * the component's own, located in the edited flow: element issues keep their dialog and
 * element ids (paths `dialogs[0].elements[1].text`), attribute issues point at the
 * attribute's place in `flow.attributes`, and none carries a `componentId`. Component
 * elements naming a `pending` component (still being resolved) are not reported unknown.
 */
export function checkComponentFlow(
  componentId: string,
  name: string,
  flow: EditorFlow,
  roles: AttributeRoles,
  resolved: readonly ResolvedComponent[],
  pending: ReadonlySet<string> = new Set(),
): FlowValidation {
  const document = editorFlowToComponent(flow, roles, name);
  const hostFlow = {
    version: 1,
    attributes: [],
    entryDialogId: hostId,
    dialogs: [{ id: hostId, name: 'Host', startElementId: hostId, elements: [{ id: hostId, type: 'close-session' }], edges: [] }],
    components: [{ id: componentId, version: 1, ...document }, ...embeddedComponents(resolved, componentId)],
  };
  const validation = validateFlow(hostFlow);
  const places = attributePlaces(flow.attributes, roles);
  const loading = (issue: FlowIssue) => issue.rule === 'unknown-component' && pending.has(componentIdAt(flow, issue) ?? '');
  const locate = (issues: readonly FlowIssue[]) => issues.flatMap((issue) => ownIssue(issue, places)).filter((issue) => !loading(issue));
  const errors = locate(validation.errors);
  const warnings = locate(validation.warnings);
  return { ok: errors.length === 0, errors, warnings };
}

function ownIssue(issue: FlowIssue, places: ReturnType<typeof attributePlaces>): FlowIssue[] {
  const prefix = 'components[0]';
  if (issue.path !== prefix && !issue.path.startsWith(`${prefix}.`)) return [];
  const { componentId: _componentId, ...rest } = issue;
  let path = issue.path.slice(prefix.length).replace(/^\./, '');
  const attribute = /^(inputs|outputs|attributes)\[(\d+)\]/.exec(path);
  if (attribute) {
    const [matched, list, index] = attribute;
    const role = listRoles[list === 'inputs' ? 'inputs' : list === 'outputs' ? 'outputs' : 'attributes'];
    const place = places[role][Number(index)];
    if (place !== undefined) path = `attributes[${place}]${path.slice(matched.length)}`;
  }
  return [{ ...rest, path }];
}

function componentIdAt(flow: EditorFlow, issue: FlowIssue): string | undefined {
  const dialog = flow.dialogs.find((candidate) => candidate.id === issue.dialogId);
  const element = dialog?.elements.find((candidate) => candidate.id === issue.elementId);
  return element?.type === 'component' ? element.componentId : undefined;
}
