import { describe, expect, it } from 'vitest';
import { CodeAssistantError } from './code-assistant-error';
import { formatCode } from './format-code';

describe('formatCode (Improve readability)', () => {
  it('formats without changing behaviour, in the style of the element’s examples', async () => {
    expect(await formatCode("let count = attributeApi.get(\"retryCount\")||0\ncount=parseInt(count)+1;attributeApi.set('retryCount',count)")).toBe(
      "let count = attributeApi.get('retryCount') || 0;\ncount = parseInt(count) + 1;\nattributeApi.set('retryCount', count);",
    );
  });

  it('accepts top-level return and await, as the Code element does', async () => {
    expect(await formatCode('if(!x) return\nconst v=await Promise.resolve(1)')).toBe('if (!x) return;\nconst v = await Promise.resolve(1);');
  });

  it('refuses code that does not parse with invalid-code, naming the position', async () => {
    const error = await formatCode('const = 1;').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CodeAssistantError);
    expect(error).toMatchObject({ kind: 'invalid-code', message: expect.stringMatching(/^The code cannot be formatted: .*\(1:7\)/) });
  });
});
