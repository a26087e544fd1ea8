import { describe, expect, it } from 'vitest';
import { stripCodeFences } from './strip-code-fences';

describe('stripCodeFences', () => {
  it('takes the JavaScript block out of a markdown answer', () => {
    expect(stripCodeFences("Here you go:\n```javascript\nattributeApi.set('a', 1);\n```\nThis sets a.")).toBe("attributeApi.set('a', 1);");
    expect(stripCodeFences("```js\nconst x = 1;\n```")).toBe('const x = 1;');
    expect(stripCodeFences("```\nconst x = 1;\n```")).toBe('const x = 1;');
  });

  it('prefers a JavaScript block over others, and the first of several', () => {
    expect(stripCodeFences('```json\n{"a":1}\n```\n```javascript\nfirst();\n```\n```javascript\nsecond();\n```')).toBe('first();');
    expect(stripCodeFences('```python\nprint(1)\n```')).toBe('print(1)');
  });

  it('returns a plain answer as is (trimmed), and copes with an unclosed fence', () => {
    expect(stripCodeFences("  attributeApi.set('a', 1);\n")).toBe("attributeApi.set('a', 1);");
    expect(stripCodeFences('```javascript\nconst cut = 1;')).toBe('const cut = 1;');
  });
});
