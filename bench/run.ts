import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchRow, BenchSuite } from './bench-suite';
import { suites } from './suites';

/**
 * `npm run bench [suite ...]`: runs the benchmark suites (all, or those named),
 * prints a table per suite and writes bench/results/<suite>.json with the figures,
 * the machine and the time.
 */
const wanted = process.argv.slice(2);
const selected: BenchSuite[] = wanted.length ? suites.filter((suite) => wanted.includes(suite.name)) : suites;
if (selected.length === 0) {
  console.error(`No suite named ${wanted.join(', ')}. Suites: ${suites.map((suite) => suite.name).join(', ')}`);
  process.exit(1);
}
const resultsDir = resolve(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });

for (const suite of selected) {
  console.log(`\n## ${suite.name}`);
  const started = Date.now();
  const rows: BenchRow[] = await suite.run();
  console.table(
    rows.map((row) => ({
      measure: row.name,
      figures: Object.entries(row.figures)
        .map(([key, value]) => `${key}=${Number(value.toFixed(Math.abs(value) >= 100 ? 0 : 2))}`)
        .join('  '),
      target: row.target ?? '',
      met: row.met === undefined ? '' : row.met ? 'yes' : 'NO',
    })),
  );
  writeFileSync(
    resolve(resultsDir, `${suite.name}.json`),
    `${JSON.stringify({ suite: suite.name, at: new Date().toISOString(), node: process.version, durationMs: Date.now() - started, rows }, null, 2)}\n`,
  );
}
process.exit(0);
