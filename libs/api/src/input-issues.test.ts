import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeInputIssues, inputIssues } from './input-issues';

describe('inputIssues', () => {
  it('names each invalid field by its dotted path', () => {
    const schema = z.object({ name: z.string().min(1, 'Name is required'), draft: z.object({ dialogs: z.array(z.string()) }) });
    const result = schema.safeParse({ name: '', draft: { dialogs: [1] } });
    if (result.success) throw new Error('expected a failure');
    const issues = inputIssues(result.error);
    expect(issues).toEqual([
      { field: 'name', message: 'Name is required' },
      { field: 'draft.dialogs.0', message: expect.any(String) },
    ]);
    expect(describeInputIssues(issues)).toMatch(/^Invalid input: name: Name is required; draft\.dialogs\.0: /);
  });

  it('calls a problem with the whole input "input"', () => {
    const result = z.object({}).safeParse('nope');
    if (result.success) throw new Error('expected a failure');
    expect(inputIssues(result.error)[0]?.field).toBe('input');
  });
});
