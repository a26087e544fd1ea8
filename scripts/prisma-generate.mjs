#!/usr/bin/env node
// `npm run db:generate`: generates the Prisma client into libs/db/src/generated,
// offline. Promises:
// - needs no network: Prisma 7's client runs on the `pg` driver adapter, and
//   `prisma generate` never runs the native schema engine; the CLI only checks
//   that one exists, so when PRISMA_SCHEMA_ENGINE_BINARY is unset it is pointed
//   at this (existing) file, and telemetry/update checks are switched off;
// - skips the work when the generated client is newer than prisma/schema.prisma,
//   prisma.config.ts and the installed Prisma CLI (pass --force to regenerate);
// - works from a fresh clone right after `npm install` (uses the local CLI).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schema = path.join(root, 'prisma', 'schema.prisma');
const generatedClient = path.join(root, 'libs', 'db', 'src', 'generated', 'client.ts');
const require = createRequire(path.join(root, 'package.json'));
const prismaPackageJson = require.resolve('prisma/package.json');
const prismaCli = path.join(path.dirname(prismaPackageJson), 'build', 'index.js');

const force = process.argv.includes('--force');
const inputs = [schema, path.join(root, 'prisma.config.ts'), prismaPackageJson].filter((file) => existsSync(file));
const newestInput = Math.max(...inputs.map((file) => statSync(file).mtimeMs));
if (!force && existsSync(generatedClient) && statSync(generatedClient).mtimeMs >= newestInput) {
  console.log('[prisma] client is up to date');
  process.exit(0);
}

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
}
env.CHECKPOINT_DISABLE ??= '1';
env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1';

const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schema], { cwd: root, env, stdio: 'inherit' });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
