import { readFileSync } from 'node:fs';
import { elementTypes } from '@parley/elements';
import { describe, expect, it } from 'vitest';
import { flowJsonSchema, flowJsonSchemaText } from './flow-json-schema';

describe('docs/flow-schema.json', () => {
  it('is up to date (regenerate: npx tsx libs/engine/src/write-flow-schema.ts)', () => {
    const checkedIn = readFileSync(new URL('../../../docs/flow-schema.json', import.meta.url), 'utf8');
    expect(checkedIn).toBe(flowJsonSchemaText());
  });

  it('describes every element type', () => {
    const text = JSON.stringify(flowJsonSchema());
    for (const type of elementTypes) expect(text).toContain(`"const":"${type}"`);
  });
});
