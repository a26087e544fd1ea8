// Lint fixture: an engine TEST (linted as *.test.ts) may use vitest and read golden
// files with node:fs; the purity rules bind engine source, not its tests. Expected: no errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('golden transcript', () => {
  it('loads', () => {
    expect(typeof readFileSync).toBe('function');
  });
});
