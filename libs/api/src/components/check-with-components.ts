import type { JsonValue, Tx } from '@parley/db';
import { currentFlowVersion, validateFlow, type FlowIssue, type FlowValidation } from '@parley/engine';
import { componentReferences, isRecord, referenceIssue } from './component-references';
import { resolveComponents, type ComponentResolution, type ComponentResolutionMode, type ResolvedComponent } from './resolve-components';

/** A checked document and the flow it was checked as (with the used components embedded). */
export type CheckedWithComponents = FlowValidation & { flow: unknown };

/**
 * Checks a bot's flow document with the components its Component elements use
 * (transitively) embedded in `components`, resolved in the workspace (see
 * resolveComponents for `mode`). Returns the issues and that flow: in 'publish' mode,
 * when ok, exactly what a bot version publishes, each component pinned at its
 * latest published version.
 * - errors: validateFlow's everywhere (inside an embedded component they carry its
 *   `componentId`), e.g. `recursive-component` for a cycle; a Component element naming
 *   no component of the workspace (`unknown-component`) or, when publishing, one never
 *   published (`unpublished-component`); a draft that sets `components` itself
 *   (`embedded-components`: they are filled in at publish);
 * - warnings: the bot's own, and `unpublished-component` for components checked
 *   against their draft ('draft' mode).
 */
export async function checkBotFlow(db: Tx, workspaceId: string, document: unknown, mode: ComponentResolutionMode): Promise<CheckedWithComponents> {
  const resolution = await resolveComponents(db, workspaceId, [document], mode);
  let flow: unknown = document;
  const ownErrors: FlowIssue[] = [];
  if (isRecord(document)) {
    const { components, ...rest } = document;
    if (components !== undefined) {
      ownErrors.push({
        path: 'components',
        field: 'components',
        rule: 'embedded-components',
        message: '`components` is filled in when a version is published; remove it and use Component elements that name the components.',
      });
    }
    flow = resolution.resolved.length === 0 ? rest : { ...rest, components: resolution.resolved.map(embeddedComponent) };
  }
  const checked = checkEmbedded(flow, resolution);
  const errors = [...ownErrors, ...checked.errors];
  const warnings = [...checked.ownWarnings, ...checked.engineWarnings.filter((issue) => !issue.path.startsWith('components['))];
  return { ok: errors.length === 0, errors, warnings, flow };
}

/** The id of the stand-in bot dialog and element a component document is checked in. */
const hostId = 'component-host';

/**
 * Checks one component document (the engine's embedded component without `id` and
 * `version`) as the only component of a minimal flow, with the components it uses
 * resolved in 'draft' mode. Issues are the document's own, with paths relative to it
 * (`dialogs[0].elements[1].text`); `flow` is that minimal flow.
 */
export async function checkComponentDocument(db: Tx, workspaceId: string, componentId: string, document: unknown): Promise<CheckedWithComponents> {
  const ownErrors: FlowIssue[] = [];
  let body: Record<string, unknown> = {};
  if (isRecord(document)) {
    const { id, version, ...rest } = document;
    body = rest;
    if (id !== undefined) ownErrors.push(setAtEmbedding('id'));
    if (version !== undefined) ownErrors.push(setAtEmbedding('version'));
  }
  const resolution = await resolveComponents(db, workspaceId, [body], 'draft', new Set([componentId]));
  const flow = {
    version: currentFlowVersion,
    attributes: [],
    entryDialogId: hostId,
    dialogs: [{ id: hostId, name: 'Host', startElementId: hostId, elements: [{ id: hostId, type: 'close-session' }], edges: [] }],
    components: [{ id: componentId, version: 1, ...body }, ...resolution.resolved.map(embeddedComponent)],
  };
  const checked = checkEmbedded(flow, resolution);
  const errors = [...ownErrors, ...documentIssues(checked.errors)];
  const warnings = documentIssues([...checked.ownWarnings, ...checked.engineWarnings]);
  return { ok: errors.length === 0, errors, warnings, flow };
}

function setAtEmbedding(field: 'id' | 'version'): FlowIssue {
  return { path: field, field, rule: 'unknown-field', message: `Unknown field "${field}": a component's ${field} is set when a bot embeds it.` };
}

/** `flow.components[]` entry for a resolved component: its document with the id and version embedded. */
export function embeddedComponent(component: ResolvedComponent): Record<string, JsonValue> {
  const document = isRecord(component.document) ? component.document : {};
  const entries = Object.entries(document).filter(([key]) => key !== 'id' && key !== 'version');
  return { id: component.id, version: component.version, ...Object.fromEntries(entries) };
}

/**
 * validateFlow of the flow, with the engine's generic `unknown-component` replaced by
 * what resolution found out (not in the workspace, or not published), and warnings
 * for components checked against their draft.
 */
function checkEmbedded(
  flow: unknown,
  resolution: ComponentResolution,
): { errors: FlowIssue[]; ownWarnings: FlowIssue[]; engineWarnings: FlowIssue[] } {
  const validation = validateFlow(flow);
  const drafts = new Map(resolution.resolved.filter((component) => component.source === 'draft').map((component) => [component.id, component]));
  const replaced = new Set<string>();
  const ownErrors: FlowIssue[] = [];
  const ownWarnings: FlowIssue[] = [];
  for (const reference of componentReferences(flow)) {
    const unresolved = resolution.unresolved.get(reference.target);
    const draft = drafts.get(reference.target);
    if (unresolved?.reason === 'not-found') {
      replaced.add(reference.path);
      ownErrors.push(referenceIssue(reference, 'unknown-component', `There is no component "${reference.target}" in this workspace.`));
    } else if (unresolved?.reason === 'unpublished') {
      replaced.add(reference.path);
      ownErrors.push(
        referenceIssue(reference, 'unpublished-component', `Component "${unresolved.name}" (${reference.target}) has no published version; publish it first.`),
      );
    } else if (draft !== undefined) {
      ownWarnings.push(
        referenceIssue(
          reference,
          'unpublished-component',
          `Component "${draft.name}" (${reference.target}) has no published version yet: checked against its draft; publish it before publishing a bot that uses it.`,
        ),
      );
    }
  }
  const engineErrors = validation.errors.filter((issue) => !(issue.rule === 'unknown-component' && replaced.has(issue.path)));
  return { errors: [...ownErrors, ...engineErrors], ownWarnings, engineWarnings: validation.warnings };
}

/** Issues inside `components[0]` (the checked document), relative to it; the rest dropped. */
function documentIssues(issues: readonly FlowIssue[]): FlowIssue[] {
  const prefix = 'components[0]';
  return issues.flatMap((issue) => {
    if (issue.path !== prefix && !issue.path.startsWith(`${prefix}.`)) return [];
    const { componentId: _componentId, ...rest } = issue;
    return [{ ...rest, path: issue.path.slice(prefix.length).replace(/^\./, '') }];
  });
}
