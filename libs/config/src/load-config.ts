import { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error';
import { devDefaultOf } from './dev-default';

/** An environment: variable name to value, as `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Validates `env` against a zod object schema of environment variables and
 * returns the parsed, typed config (defaults applied, unknown variables dropped).
 *
 * Contract:
 * - An empty value counts as unset (`FOO=` in an env file means "use the default").
 * - Fields made with a development-only default (`secretKey()`) get it unless
 *   `env.NODE_ENV === 'production'`, where they are required.
 * - On any failure throws one `ConfigError` naming every bad variable and its
 *   rule, e.g. `REDIS_URL: must be a redis:// or rediss:// URL`. Values are never
 *   echoed. Wrap the call in `exitOnConfigError` in process entry points.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Env = process.env): z.output<S> {
  const production = env.NODE_ENV === 'production';
  const input: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') input[name] = value;
  }
  const productionRequired = new Map<string, string>();
  for (const [name, field] of Object.entries(schema.shape)) {
    const devDefault = devDefaultOf(field);
    if (!devDefault || input[name] !== undefined) continue;
    if (production) productionRequired.set(name, devDefault.hint);
    else input[name] = devDefault.value;
  }

  const result = schema.safeParse(input);
  if (result.success) return result.data;

  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const variable = issue.path.length > 0 ? issue.path.map(String).join('.') : '(config)';
    if (seen.has(variable)) continue; // one rule per variable keeps the message readable
    seen.add(variable);
    issues.push({ variable, rule: ruleOf(issue, variable, input, productionRequired) });
  }
  throw new ConfigError(issues);
}

function ruleOf(
  issue: z.core.$ZodIssue,
  variable: string,
  input: Record<string, string>,
  productionRequired: Map<string, string>,
): string {
  if (input[variable] === undefined && issue.code === 'invalid_type') {
    const hint = productionRequired.get(variable);
    return hint ? `required when NODE_ENV=production (${hint})` : 'required, not set';
  }
  return issue.message;
}
