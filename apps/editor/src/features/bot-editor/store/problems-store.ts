import type { FlowIssue } from '@parley/engine';
import { createStore } from 'zustand/vanilla';

/** Issues of one element (errors block publishing, warnings do not). */
export type ElementProblems = { readonly errors: readonly FlowIssue[]; readonly warnings: readonly FlowIssue[] };

export const noProblems: ElementProblems = { errors: [], warnings: [] };

export type ProblemsState = {
  readonly errors: readonly FlowIssue[];
  readonly warnings: readonly FlowIssue[];
  /**
   * By element id. An element whose issues did not change keeps the same object, so
   * its node and form do not re-render when another element's problems change.
   */
  readonly byElement: ReadonlyMap<string, ElementProblems>;
  /** Warnings a person acknowledged (by issueKey); they stay listed, dimmed, and never block. */
  readonly acknowledged: ReadonlySet<string>;
  /** True until the first check of the document has run. */
  readonly checking: boolean;
  setIssues(errors: readonly FlowIssue[], warnings: readonly FlowIssue[]): void;
  acknowledge(issue: FlowIssue): void;
};

export type ProblemsStore = ReturnType<typeof createProblemsStore>;

/** Identifies an issue across checks: where it is and which rule. */
export function issueKey(issue: FlowIssue): string {
  return `${issue.rule}@${issue.path}`;
}

/** The problems of the open document, kept current by <ProblemsWatcher>. */
export function createProblemsStore() {
  return createStore<ProblemsState>()((set, get) => ({
    errors: [],
    warnings: [],
    byElement: new Map(),
    acknowledged: new Set(),
    checking: true,
    setIssues: (errors, warnings) => {
      const previous = get().byElement;
      const grouped = new Map<string, { errors: FlowIssue[]; warnings: FlowIssue[] }>();
      const bucket = (id: string) => {
        let entry = grouped.get(id);
        if (!entry) grouped.set(id, (entry = { errors: [], warnings: [] }));
        return entry;
      };
      for (const issue of errors) if (issue.elementId && !issue.componentId) bucket(issue.elementId).errors.push(issue);
      for (const issue of warnings) if (issue.elementId && !issue.componentId) bucket(issue.elementId).warnings.push(issue);
      const byElement = new Map<string, ElementProblems>();
      for (const [id, entry] of grouped) {
        const old = previous.get(id);
        byElement.set(id, old && sameIssues(old.errors, entry.errors) && sameIssues(old.warnings, entry.warnings) ? old : entry);
      }
      set({ errors, warnings, byElement, checking: false });
    },
    acknowledge: (issue) => set({ acknowledged: new Set([...get().acknowledged, issueKey(issue)]) }),
  }));
}

function sameIssues(a: readonly FlowIssue[], b: readonly FlowIssue[]): boolean {
  return a.length === b.length && a.every((issue, index) => {
    const other = b[index];
    return other !== undefined && issue.path === other.path && issue.rule === other.rule && issue.message === other.message;
  });
}
