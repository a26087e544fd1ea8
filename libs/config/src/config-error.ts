/** One environment variable that failed validation, and the rule it broke. */
export type ConfigIssue = { variable: string; rule: string };

/**
 * Thrown by `loadConfig` when the environment does not satisfy the schema. The
 * message lists every bad variable as `NAME: rule`, one per line, and never
 * echoes a variable's value (values may be secrets).
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const lines = issues.map((issue) => `  ${issue.variable}: ${issue.rule}`);
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`Invalid configuration (${count}):\n${lines.join('\n')}`);
    this.issues = issues;
  }
}
