import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFlow } from './validate-flow';

/** Every complete flow shown in docs/flow-format.md (a ```json block with "version") must be valid. */
describe('docs/flow-format.md', () => {
  const markdown = readFileSync(new URL('../../../docs/flow-format.md', import.meta.url), 'utf8');
  const flows = [...markdown.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? '')
    .filter((block) => block.includes('"version"'));

  it('shows at least one complete flow', () => {
    expect(flows.length).toBeGreaterThan(0);
  });

  it.each(flows.map((flow, index) => [index, flow]))('example %i is a valid flow', (_index, block) => {
    const result = validateFlow(JSON.parse(String(block)));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
