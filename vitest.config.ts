import { defineConfig } from 'vitest/config';

/**
 * Three suites:
 * - unit: pure and in-process tests beside the code (`*.test.ts`).
 * - integration: `*.int.test.ts`, against the real Postgres and Redis. The global
 *   setup creates one fresh database and one Redis key prefix for the whole run,
 *   so concurrent runs on the same machine never collide.
 * - fault: `tests/fault/*.fault.test.ts` stop, restart and wipe the local Postgres
 *   and Redis under load. They run alone, one file at a time, after the others
 *   (`npx vitest run --project fault`, as scripts/test.sh does); in a run with
 *   other projects they are skipped. Each test is bounded (< 2 min).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['libs/**/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.fault.test.ts', '**/node_modules/**', '**/generated/**'],
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
      {
        test: {
          name: 'fault',
          include: ['tests/fault/**/*.fault.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          globalSetup: ['tests/fault/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
