import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRouter } from './app-router';

/** docs/api.md documents the whole router: a procedure added without a doc entry fails here. */
describe('docs/api.md', () => {
  const markdown = readFileSync(resolve(import.meta.dirname, '../../../docs/api.md'), 'utf8');
  // tRPC 11 flattens nested routers: every key is a procedure's full dotted path (`bots.list`).
  const procedurePaths = Object.keys(appRouter._def.procedures);

  // Guards the check below against passing vacuously: the paths are dotted and every domain router contributes.
  it('reads every domain router\'s procedures as dotted paths', () => {
    const domains = Object.keys(appRouter._def.record);
    expect(domains.length).toBeGreaterThan(0);
    for (const domain of domains) expect(procedurePaths.some((path) => path.startsWith(`${domain}.`)), domain).toBe(true);
    expect(procedurePaths.filter((path) => !/^\w+\.\w+$/.test(path))).toEqual([]);
  });

  it('names every procedure of appRouter as inline code', () => {
    const missing = procedurePaths.filter((path) => !markdown.includes(`\`${path}\``));
    expect(missing, `docs/api.md does not document: ${missing.join(', ')}`).toEqual([]);
  });
});
