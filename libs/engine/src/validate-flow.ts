import { checkFlowGraph } from './check-flow-graph';
import type { FlowIssue, FlowValidation } from './flow-issue-schema';
import { isRecord } from './flow-path';
import { currentFlowVersion, flowSchema, type Flow } from './flow-schema';
import { upgradeFlowDocument } from './migrate-flow';
import { schemaIssues } from './schema-issues';

/**
 * Checks a flow document (any JSON, any version): schema errors naming the field, then
 * the graph rules (see checkFlowGraph). Older versions are migrated first. Never throws,
 * whatever the input: an unexpected failure becomes an 'internal-error' issue.
 */
export function validateFlow(document: unknown): FlowValidation {
  return checkFlow(document).validation;
}

/** validateFlow plus the parsed flow (defaults applied) when there are no errors. */
export function checkFlow(document: unknown): { validation: FlowValidation; flow: Flow | undefined } {
  try {
    const upgraded = upgradeFlowDocument(document);
    const version = isRecord(upgraded) ? upgraded.version : undefined;
    if (typeof version === 'number' && version !== currentFlowVersion) {
      const error: FlowIssue = {
        path: 'version',
        field: 'version',
        rule: 'unsupported-version',
        message: `This flow is format version ${version}; this engine reads version ${currentFlowVersion}.`,
      };
      return { validation: { ok: false, errors: [error], warnings: [] }, flow: undefined };
    }
    const parsed = flowSchema.safeParse(upgraded);
    const graph = checkFlowGraph(upgraded);
    const errors = [...(parsed.success ? [] : schemaIssues(parsed.error, upgraded)), ...graph.errors];
    const ok = errors.length === 0;
    return { validation: { ok, errors, warnings: graph.warnings }, flow: ok && parsed.success ? parsed.data : undefined };
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    const error: FlowIssue = { path: '', rule: 'internal-error', message: `The flow could not be checked: ${message}` };
    return { validation: { ok: false, errors: [error], warnings: [] }, flow: undefined };
  }
}
