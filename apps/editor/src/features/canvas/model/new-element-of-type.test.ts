import { elementSchemas, elementTypes } from '@parley/elements';
import { describe, expect, it } from 'vitest';
import { newElementOfType } from './new-element-of-type';
import { elementPorts } from './element-ports';

describe('newElementOfType', () => {
  it('builds every type with its id, whole-pixel position and a structurally complete config', () => {
    for (const type of elementTypes) {
      const element = newElementOfType(type, `new-${type}`, { x: 10.4, y: 20.6 });
      expect(element).toMatchObject({ id: `new-${type}`, type, position: { x: 10, y: 21 } });
      const result = elementSchemas[type].safeParse(element);
      // Only content problems (empty texts ...) are left for the person to fill in.
      const structural = result.success ? [] : result.error.issues.filter((issue) => ['invalid_type', 'unrecognized_keys', 'invalid_value'].includes(issue.code));
      expect(structural, type).toEqual([]);
      expect(() => elementPorts(element)).not.toThrow();
    }
  });
});
