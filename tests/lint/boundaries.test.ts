import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Proves eslint.config.mjs enforces the engine contract and the module
 * boundaries. Fixtures live in `<project>/lint-fixtures/` (ignored by the normal
 * lint run) and are linted as if they sat at a virtual path inside the project's
 * source, which is what decides the Nx project, its tags and the file rules.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

type Case = {
  fixture: string;
  /** Where the code is pretended to live; must not match an ignore pattern. */
  as: string;
  /** Rule ids that must report errors; empty means the file must lint clean. */
  errors: readonly string[];
};

const ENGINE_SOURCE = 'libs/engine/src/lint-probe.ts';
const ENGINE_TEST = 'libs/engine/src/lint-probe.test.ts';
const EDITOR_SOURCE = 'apps/editor/app/lint-probe.tsx';

const BOUNDARIES = '@nx/enforce-module-boundaries';
const RESTRICTED_IMPORTS = '@typescript-eslint/no-restricted-imports';

const cases: readonly Case[] = [
  { fixture: 'libs/engine/lint-fixtures/clean-pure.ts', as: ENGINE_SOURCE, errors: [] },
  { fixture: 'libs/engine/lint-fixtures/import-engine-sibling.ts', as: ENGINE_SOURCE, errors: [] },
  { fixture: 'libs/engine/lint-fixtures/engine-test-file.ts', as: ENGINE_TEST, errors: [] },
  { fixture: 'libs/engine/lint-fixtures/import-node-fs.ts', as: ENGINE_SOURCE, errors: [RESTRICTED_IMPORTS] },
  { fixture: 'libs/engine/lint-fixtures/import-bare-fs.ts', as: ENGINE_SOURCE, errors: [RESTRICTED_IMPORTS] },
  { fixture: 'libs/engine/lint-fixtures/import-prisma-client.ts', as: ENGINE_SOURCE, errors: [BOUNDARIES] },
  { fixture: 'libs/engine/lint-fixtures/import-bullmq.ts', as: ENGINE_SOURCE, errors: [BOUNDARIES] },
  { fixture: 'libs/engine/lint-fixtures/import-react.ts', as: ENGINE_SOURCE, errors: [BOUNDARIES] },
  { fixture: 'libs/engine/lint-fixtures/import-parley-db.ts', as: ENGINE_SOURCE, errors: [BOUNDARIES] },
  { fixture: 'libs/engine/lint-fixtures/date-now.ts', as: ENGINE_SOURCE, errors: ['no-restricted-properties'] },
  { fixture: 'libs/engine/lint-fixtures/math-random.ts', as: ENGINE_SOURCE, errors: ['no-restricted-properties'] },
  { fixture: 'libs/engine/lint-fixtures/new-date.ts', as: ENGINE_SOURCE, errors: ['no-restricted-syntax'] },
  { fixture: 'libs/engine/lint-fixtures/impure-globals.ts', as: ENGINE_SOURCE, errors: ['no-restricted-globals'] },
  { fixture: 'libs/engine/lint-fixtures/async-step.ts', as: ENGINE_SOURCE, errors: ['no-restricted-syntax'] },
  // The same rules bind libs/elements.
  { fixture: 'libs/engine/lint-fixtures/date-now.ts', as: 'libs/elements/src/lint-probe.ts', errors: ['no-restricted-properties'] },
  { fixture: 'libs/engine/lint-fixtures/import-node-fs.ts', as: 'libs/elements/src/lint-probe.ts', errors: [RESTRICTED_IMPORTS] },
  // Server code is not bound by the engine contract.
  { fixture: 'libs/engine/lint-fixtures/import-node-fs.ts', as: 'libs/runner/src/lint-probe.ts', errors: [] },
  { fixture: 'libs/config/lint-fixtures/import-parley-db.ts', as: 'libs/config/src/lint-probe.ts', errors: [BOUNDARIES] },
  { fixture: 'apps/editor/lint-fixtures/type-import-api.tsx', as: EDITOR_SOURCE, errors: [] },
  { fixture: 'apps/editor/lint-fixtures/import-shared-elements.tsx', as: EDITOR_SOURCE, errors: [] },
  { fixture: 'apps/editor/lint-fixtures/value-import-api.tsx', as: EDITOR_SOURCE, errors: [RESTRICTED_IMPORTS] },
  { fixture: 'apps/editor/lint-fixtures/value-import-api-subpath.tsx', as: EDITOR_SOURCE, errors: [RESTRICTED_IMPORTS] },
  { fixture: 'apps/editor/lint-fixtures/inline-type-import-api.tsx', as: EDITOR_SOURCE, errors: ['no-restricted-syntax'] },
  { fixture: 'apps/editor/lint-fixtures/dynamic-import-api.tsx', as: EDITOR_SOURCE, errors: ['no-restricted-syntax'] },
  { fixture: 'apps/editor/lint-fixtures/type-import-db.tsx', as: EDITOR_SOURCE, errors: [BOUNDARIES] },
];

let eslint: ESLint;

beforeAll(() => {
  // @nx/enforce-module-boundaries only reads a cached project graph; refresh it
  // so the test sees the current projects and tags.
  const nxBin = createRequire(import.meta.url).resolve('nx/bin/nx.js');
  execFileSync(process.execPath, [nxBin, 'show', 'projects'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  eslint = new ESLint({ cwd: root });
}, 60_000);

async function lintFixture(fixture: string, as: string): Promise<ESLint.LintResult> {
  const filePath = join(root, as);
  // An ignored path yields a "File ignored" warning instead of a lint: guard against it.
  expect(await eslint.isPathIgnored(filePath), `${as} must not be ignored`).toBe(false);
  const [result] = await eslint.lintText(readFileSync(join(root, fixture), 'utf8'), { filePath });
  if (!result) throw new Error(`no lint result for ${fixture}`);
  return result;
}

describe('eslint.config.mjs', () => {
  it.each(cases)('$fixture as $as -> $errors', async ({ fixture, as, errors }) => {
    const result = await lintFixture(fixture, as);
    const reported = result.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
    if (errors.length === 0) {
      expect(reported).toEqual([]);
      return;
    }
    const failing = new Set(result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId));
    for (const rule of errors) {
      expect([...failing], reported.join('\n')).toContain(rule);
    }
  });

  it('reports every impure global in engine code', async () => {
    const result = await lintFixture('libs/engine/lint-fixtures/impure-globals.ts', ENGINE_SOURCE);
    const globalsHit = result.messages
      .filter((m) => m.ruleId === 'no-restricted-globals')
      .map((m) => /'(\w+)'/.exec(m.message)?.[1]);
    expect(globalsHit).toEqual(['setTimeout', 'fetch', 'process', 'performance', 'require']);
  });

  it('names the banned package in boundary errors', async () => {
    const result = await lintFixture('libs/engine/lint-fixtures/import-prisma-client.ts', ENGINE_SOURCE);
    expect(result.messages.map((m) => m.message)).toContain(
      'A project tagged with "type:engine" is not allowed to import "@prisma/client"',
    );
  });
});
