// @ts-check
/**
 * Parley lint configuration (ESLint 9 flat config).
 *
 * What it enforces:
 * - typescript-eslint `recommended` (syntax-only, no type information: fast) on
 *   every .ts/.tsx file; `@eslint/js` recommended on the few .js/.mjs files.
 * - Module boundaries between Nx projects, by tag (`@nx/enforce-module-boundaries`):
 *     type:engine   -> only type:engine; npm imports only from ENGINE_ALLOWED_PACKAGES
 *     scope:shared  -> only scope:shared
 *     scope:server  -> scope:server, scope:shared
 *     scope:client  -> scope:client, scope:shared, and type:api for TYPES only
 *     type:util     -> type:util (libs/config is a leaf)
 * - The engine contract (ARCHITECTURE.md) on libs/engine and libs/elements source:
 *   no Node built-ins, no clock, no randomness, no timers, no I/O globals, no
 *   `await`, no dynamic import. Time, ids and randomness arrive through `deps`.
 * - The editor imports only types from server packages.
 *
 * The Nx rule reads the project graph cached under .nx/workspace-data: it never
 * computes one, and silently checks nothing when there is none. So refresh it
 * before linting:
 *     npx nx show projects >/dev/null && npx eslint . --max-warnings=0
 * and, as a safety net, this file computes it when the cache is missing
 * (ensureProjectGraphCached below).
 *
 * Proven by tests/lint/boundaries.test.ts against libs/engine/lint-fixtures and
 * apps/editor/lint-fixtures.
 */
import { execFileSync } from 'node:child_process';
import { builtinModules, createRequire } from 'node:module';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];
/** Code bound by the engine contract: pure, synchronous, deterministic. */
const ENGINE_FILES = ['libs/engine/**/*.{ts,tsx}', 'libs/elements/**/*.{ts,tsx}'];
const EDITOR_FILES = ['apps/editor/**/*.{ts,tsx}'];

ensureProjectGraphCached();

/**
 * npm packages engine code may import. Keep it to pure, dependency-light,
 * isomorphic libraries: the engine also runs in the editor's simulator.
 * Adding one is a reviewed, one-line change here.
 */
const ENGINE_ALLOWED_PACKAGES = ['zod', 'zod/*', 'fast-xml-parser', 'libphonenumber-js/min', 'validator/lib/*', 'stemmer', 'damerau-levenshtein', 'safe-regex2', 'ret'];
/** Also allowed in engine *tests* (never in engine source). */
const ENGINE_TEST_PACKAGES = ['vitest', 'fast-check'];
/** Impure packages named explicitly so the error says why, even if the allow-list grows. */
const ENGINE_BANNED_PACKAGES = [
  '@prisma/*', 'prisma', 'bullmq', 'ioredis', 'pg', 'pg-*', 'undici', 'pino', 'pino-*',
  'isolated-vm', 'fastify', '@fastify/*', 'standardwebhooks', '@trpc/*', 'next', 'next/*',
];
/** Server packages the editor may import types from, and nothing else. */
const SERVER_PACKAGES = [
  '@parley/api', '@parley/db', '@parley/queue', '@parley/runner', '@parley/sandbox',
  '@parley/http', '@parley/channels', '@parley/config',
];
const SERVER_PACKAGE_SOURCE = `/^(${SERVER_PACKAGES.map((name) => name.replace('/', '\\/')).join('|')})(\\/|$)/`;

/** @param {{ forTests: boolean }} options */
function boundaryRule({ forTests }) {
  return [
    'error',
    {
      allow: [],
      enforceBuildableLibDependency: false,
      depConstraints: [
        {
          sourceTag: 'type:engine',
          onlyDependOnLibsWithTags: ['type:engine'],
          allowedExternalImports: forTests
            ? [...ENGINE_ALLOWED_PACKAGES, ...ENGINE_TEST_PACKAGES]
            : ENGINE_ALLOWED_PACKAGES,
          bannedExternalImports: ENGINE_BANNED_PACKAGES,
        },
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
        { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
        // type:api is admitted here only so `import type { AppRouter }` passes; the
        // editor block below turns every value import of a server package into an error.
        { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:client', 'scope:shared', 'type:api'] },
        { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
      ],
    },
  ];
}

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

export default defineConfig([
  {
    ignores: [
      '**/node_modules/**', '**/.next/**', '**/dist/**', '**/out/**', '**/coverage/**',
      '**/generated/**', '**/lint-fixtures/**', 'docs/**', '.nx/**',
      'apps/editor/next-env.d.ts',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // JavaScript (config files, scripts): Node environment.
  {
    files: JS_FILES,
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },

  // TypeScript everywhere.
  {
    files: TS_FILES,
    extends: [tseslint.configs.recommended],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaryRule({ forTests: false }),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': boundaryRule({ forTests: true }) },
  },

  // The engine contract: libs/engine and libs/elements source (tests may read
  // golden files with node:fs, so they are exempt from this block).
  {
    files: ENGINE_FILES,
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // Bare names here; every `node:` specifier is caught by the pattern below.
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Engine code is pure: no Node built-ins. Ask the runner for I/O through a command.',
          })),
          patterns: [
            {
              regex: '^node:',
              message: 'Engine code is pure: no Node built-ins. Ask the runner for I/O through a command.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Engine code is deterministic: take the time from deps.' },
        { object: 'Math', property: 'random', message: 'Engine code is deterministic: take randomness from deps.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Engine code is deterministic: `new Date()` reads the clock; take the time from deps.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'Engine code is deterministic: `Date()` reads the clock; take the time from deps.',
        },
        { selector: 'AwaitExpression', message: 'The engine is synchronous: no await.' },
        { selector: ':function[async=true]', message: 'The engine is synchronous: no async functions.' },
        { selector: 'ImportExpression', message: 'Engine code is pure: no dynamic import().' },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'performance', 'process', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout',
          'clearInterval', 'clearImmediate', 'queueMicrotask', 'fetch', 'XMLHttpRequest', 'WebSocket',
          'require', 'module', '__dirname', '__filename', 'Buffer', 'crypto', 'global', 'globalThis',
          'window', 'self', 'document', 'navigator', 'localStorage', 'sessionStorage',
        ].map((name) => ({
          name,
          message: `Engine code is pure and deterministic: no \`${name}\`. Inject what you need through deps, or emit a command.`,
        })),
      ],
    },
  },

  // The editor is a browser app: server packages only as `import type`.
  {
    files: EDITOR_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: SERVER_PACKAGES.map((name) => ({
            name,
            allowTypeImports: true,
            message: 'The editor may import only types from server packages: `import type { AppRouter } from "@parley/api"`.',
          })),
          patterns: [
            {
              group: SERVER_PACKAGES.map((name) => `${name}/*`),
              allowTypeImports: true,
              message: 'The editor may import only types from server packages.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // `import { type X }` survives verbatimModuleSyntax as `import {} from '...'`,
          // which still loads the server module in the browser.
          selector: `ImportDeclaration[importKind='value'][source.value=${SERVER_PACKAGE_SOURCE}] > ImportSpecifier[importKind='type']`,
          message: 'Write `import type { ... }` for server packages: an inline `type` specifier still loads the module at run time.',
        },
        {
          selector: `ImportExpression[source.value=${SERVER_PACKAGE_SOURCE}]`,
          message: 'The editor may import only types from server packages: no dynamic import().',
        },
      ],
    },
  },
]);

/**
 * Makes sure Nx has a cached project graph: without one,
 * `@nx/enforce-module-boundaries` prints a notice and checks nothing. When the
 * cache is missing (fresh clone, `nx reset`) it is computed here once with
 * `nx show projects` (about 1.5 s); if that fails, loading this config fails.
 * A cache that exists is used as is: `npm run lint` refreshes it first, so
 * changed tags and new projects are seen.
 * `@nx/devkit` is resolved from the plugin itself, so this reads exactly what
 * the rule will read.
 */
function ensureProjectGraphCached() {
  const require = createRequire(import.meta.url);
  /** @type {{ readCachedProjectGraph: () => unknown }} */
  const devkit = createRequire(require.resolve('@nx/eslint-plugin'))('@nx/devkit');
  const cached = () => {
    try {
      devkit.readCachedProjectGraph();
      return true;
    } catch {
      return false;
    }
  };
  if (cached()) return;
  try {
    execFileSync(process.execPath, [require.resolve('nx/bin/nx.js'), 'show', 'projects'], {
      cwd: import.meta.dirname,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NX_DAEMON: 'false' },
    });
  } catch (error) {
    throw new Error(`Could not compute the Nx project graph needed by @nx/enforce-module-boundaries: ${String(error)}`);
  }
  if (!cached()) {
    throw new Error('Nx computed no project graph, so module boundaries cannot be checked. Run `npx nx show projects`.');
  }
}
