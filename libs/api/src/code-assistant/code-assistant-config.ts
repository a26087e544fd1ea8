import { z } from 'zod';

/** What "not configured" tells the caller; no request is made. */
export const notConfiguredMessage = 'Code assistant is not configured: set OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_MODEL';

/**
 * The OpenAI-compatible chat completions endpoint the assistant calls, from the
 * environment: `OPENAI_BASE_URL` (e.g. `https://api.openai.com/v1`; requests go to
 * `{base}/chat/completions`), `OPENAI_API_KEY` (sent as a bearer token), `OPENAI_MODEL`;
 * optional `OPENAI_TIMEOUT_MS` (default 60 000). Operator configuration, not tenant input.
 */
export const codeAssistantConfigSchema = z.object({
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }),
  OPENAI_API_KEY: z.string().min(1),
  OPENAI_MODEL: z.string().min(1),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
});

export type CodeAssistantConfig = { baseUrl: string; apiKey: string; model: string; timeoutMs: number };

/**
 * The assistant's configuration, read at call time (so it can be set without a restart
 * of anything but the API process that reads the environment), or why there is none:
 * `notConfiguredMessage` when a variable is missing or blank, a message naming the
 * variable when one is malformed.
 */
export function readCodeAssistantConfig(env: NodeJS.ProcessEnv = process.env): { ok: true; config: CodeAssistantConfig } | { ok: false; message: string } {
  const present = (name: string): string | undefined => (env[name]?.trim() ? env[name]?.trim() : undefined);
  const raw = {
    OPENAI_BASE_URL: present('OPENAI_BASE_URL'),
    OPENAI_API_KEY: present('OPENAI_API_KEY'),
    OPENAI_MODEL: present('OPENAI_MODEL'),
    OPENAI_TIMEOUT_MS: present('OPENAI_TIMEOUT_MS'),
  };
  if (!raw.OPENAI_BASE_URL || !raw.OPENAI_API_KEY || !raw.OPENAI_MODEL) return { ok: false, message: notConfiguredMessage };
  const parsed = codeAssistantConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))].join(', ');
    return { ok: false, message: `Code assistant is misconfigured: check ${fields}` };
  }
  return {
    ok: true,
    config: {
      baseUrl: parsed.data.OPENAI_BASE_URL.replace(/\/+$/, ''),
      apiKey: parsed.data.OPENAI_API_KEY,
      model: parsed.data.OPENAI_MODEL,
      timeoutMs: parsed.data.OPENAI_TIMEOUT_MS,
    },
  };
}
