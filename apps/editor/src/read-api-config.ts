import { z } from 'zod';

/** Where the editor finds the Parley API, and which workspace it acts for. */
export const apiConfigSchema = z.object({
  /** Base URL of the API host (apps/api); its tRPC endpoint is `<base>/trpc`. */
  PARLEY_API_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3001'),
  /** Workspace slug sent as `x-parley-workspace` (until API keys replace it). */
  PARLEY_WORKSPACE: z.string().trim().min(1).default('demo'),
});

export type ApiConfig = {
  apiUrl: string;
  trpcUrl: string;
  workspace: string;
};

export type ApiConfigResult = { ok: true; config: ApiConfig } | { ok: false; message: string };

/**
 * Reads the API location from the environment. Call it per request, never at
 * module load: the built editor must follow the environment it is started in.
 * Empty variables count as unset. Never throws: a bad value comes back as a
 * message the page can show.
 */
export function readApiConfig(env: Record<string, string | undefined> = process.env): ApiConfigResult {
  const parsed = apiConfigSchema.safeParse({
    PARLEY_API_URL: env['PARLEY_API_URL'] || undefined,
    PARLEY_WORKSPACE: env['PARLEY_WORKSPACE'] || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { ok: false, message: `Invalid editor configuration: ${problems.join('; ')}` };
  }
  const apiUrl = parsed.data.PARLEY_API_URL.replace(/\/+$/, '');
  return {
    ok: true,
    config: { apiUrl, trpcUrl: `${apiUrl}/trpc`, workspace: parsed.data.PARLEY_WORKSPACE },
  };
}
