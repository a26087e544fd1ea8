import { defineConfig } from 'vitest/config';

/**
 * Two suites:
 * - unit: pure and in-process tests beside the code (`*.test.ts`).
 * - integration: `*.int.test.ts`, against the real Postgres and Redis. The global
 *   setup creates one fresh database and one Redis key prefix for the whole run,
 *   so concurrent runs on the same machine never collide.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['libs/**/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/generated/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['libs/**/src/**/*.int.test.ts', 'apps/*/src/**/*.int.test.ts', 'tests/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
