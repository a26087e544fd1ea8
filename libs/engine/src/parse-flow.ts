import type { FlowIssue } from './flow-issue-schema';
import type { Flow } from './flow-schema';
import { checkFlow } from './validate-flow';

/**
 * For publishing and the simulator: the flow when it is valid (migrated, defaults
 * applied), else its errors. Warnings come either way. Never throws.
 */
export function parseFlow(
  document: unknown,
): { ok: true; flow: Flow; warnings: FlowIssue[] } | { ok: false; errors: FlowIssue[]; warnings: FlowIssue[] } {
  const { validation, flow } = checkFlow(document);
  return flow === undefined
    ? { ok: false, errors: validation.errors, warnings: validation.warnings }
    : { ok: true, flow, warnings: validation.warnings };
}
