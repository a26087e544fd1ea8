import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

/** The monorepo root: dependencies are hoisted there, so Turbopack and file tracing must see it. */
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Build contract: `next build` works offline and touches only this app.
 * - Type checking is skipped here because the editor's `import type { AppRouter }`
 *   pulls the server libraries' sources into the program; the root
 *   `npm run typecheck` checks `apps/editor/tsconfig.json` with everything else.
 *   (Next 16 no longer lints during builds; `npm run lint` covers the editor.)
 * - No config value is read from the environment at build time: the API URL and
 *   workspace are read per request (see src/read-api-config.ts).
 */
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: workspaceRoot },
  outputFileTracingRoot: workspaceRoot,
  // Don't let `next dev` write AI-agent instruction files into the repository.
  agentRules: false,
};

export default nextConfig;
