import { z } from 'zod';

/** Where the editor's server finds the Parley API. */
export const apiConfigSchema = z.object({
  /** Base URL of the API host (apps/api): tRPC at `<base>/trpc`, sign-in at `<base>/api/auth`. */
  PARLEY_API_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3001'),
});

export type ApiConfig = {
  apiUrl: string;
  trpcUrl: string;
};

export type ApiConfigResult = { ok: true; config: ApiConfig } | { ok: false; message: string };

/**
 * Reads the API location from the environment. Call it per request, never at
 * module load: the built editor must follow the environment it is started in.
 * An empty variable counts as unset. Never throws: a bad value comes back as a
 * message the page can show.
 */
export function readApiConfig(env: Record<string, string | undefined> = process.env): ApiConfigResult {
  const parsed = apiConfigSchema.safeParse({ PARLEY_API_URL: env['PARLEY_API_URL'] || undefined });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { ok: false, message: `Invalid editor configuration: ${problems.join('; ')}` };
  }
  const apiUrl = parsed.data.PARLEY_API_URL.replace(/\/+$/, '');
  return { ok: true, config: { apiUrl, trpcUrl: `${apiUrl}/trpc` } };
}
