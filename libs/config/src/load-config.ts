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
 * - Fields made with a development-only default (`secretKey()`) get it only when the
 *   environment opts into development explicitly (`NODE_ENV` is `development` or
 *   `test`: `npm start` and the tests set it). Anywhere else — NODE_ENV unset,
 *   `production`, anything — they are required, and the development value itself is
 *   refused (it is public: anyone could forge or open what it protects).
 * - On any failure throws one `ConfigError` naming every bad variable and its
 *   rule, e.g. `REDIS_URL: must be a redis:// or rediss:// URL`. Values are never
 *   echoed. Wrap the call in `exitOnConfigError` in process entry points.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Env = process.env): z.output<S> {
  const development = isDevelopment(env);
  const input: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') input[name] = value;
  }
  const required = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  for (const [name, field] of Object.entries(schema.shape)) {
    const devDefault = devDefaultOf(field);
    if (!devDefault) continue;
    if (!development && input[name] === devDefault.value) {
      issues.push({ variable: name, rule: `must not be the public development value outside development (NODE_ENV=development or test); set your own: ${devDefault.hint}` });
      delete input[name];
      continue;
    }
    if (input[name] !== undefined) continue;
    if (development) input[name] = devDefault.value;
    else required.set(name, devDefault.hint);
  }

  const result = schema.safeParse(input);
  if (result.success && issues.length === 0) return result.data;
  if (result.success) throw new ConfigError(issues);

  const seen = new Set<string>(issues.map((issue) => issue.variable));
  for (const issue of result.error.issues) {
    const variable = issue.path.length > 0 ? issue.path.map(String).join('.') : '(config)';
    if (seen.has(variable)) continue; // one rule per variable keeps the message readable
    seen.add(variable);
    issues.push({ variable, rule: ruleOf(issue, variable, input, required) });
  }
  throw new ConfigError(issues);
}

function ruleOf(
  issue: z.core.$ZodIssue,
  variable: string,
  input: Record<string, string>,
  required: Map<string, string>,
): string {
  if (input[variable] === undefined && issue.code === 'invalid_type') {
    const hint = required.get(variable);
    return hint ? `required outside development (NODE_ENV=development or test gives a public development value): ${hint}` : 'required, not set';
  }
  return issue.message;
}

/** Whether `env` opted into development mode (public development defaults, see loadConfig). */
export function isDevelopment(env: Env = process.env): boolean {
  return env.NODE_ENV === 'development' || env.NODE_ENV === 'test';
}
