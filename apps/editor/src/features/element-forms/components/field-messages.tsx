'use client';

import type { FieldIssues } from '../hooks/use-field-issues';

/**
 * Messages of a group of fields (a list, a condition): errors, then warnings, in a polite
 * live region that is always present so new ones are announced. `id` lets the group's
 * controls point at it with aria-describedby.
 */
export function FieldMessages({ id, issues, localProblems = [] }: { id: string; issues: FieldIssues; localProblems?: readonly string[] }) {
  const errors = [...localProblems.filter((message) => !issues.errors.includes(message)), ...issues.errors];
  return (
    <div id={id} aria-live="polite" className="[overflow-wrap:anywhere]">
      {errors.map((message) => (
        <p key={`e:${message}`} className="text-sm text-destructive">
          {message}
        </p>
      ))}
      {issues.warnings.map((message) => (
        <p key={`w:${message}`} className="text-sm text-amber-700 dark:text-amber-400">
          Warning: {message}
        </p>
      ))}
    </div>
  );
}
